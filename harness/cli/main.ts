/**
 * The `parity` CLI. Commands return an exit class; user mistakes print a message (no
 * stack trace) and exit 2; anything unexpected is an infrastructure failure, exit 3.
 */
import { ConfigError } from '../config/loadConfig.ts';
import { EngineLoadError } from '../engines/registry.ts';
import { isScenarioError } from '../protocol/scenarioError.ts';
import { ResultsFileError } from '../results/readResults.ts';
import { PoolSetupError } from '../run/pool.ts';
import { parseCommon } from './options.ts';
import { HELP, UsageError } from './usage.ts';
import { runCommand } from './commands/run.ts';
import { renderCommand } from './commands/render.ts';
import { replayCommand } from './commands/replay.ts';
import { goldenCommand } from './commands/golden.ts';
import { startCommand } from './commands/start.ts';

type Command = (options: ReturnType<typeof parseCommon>, argv: readonly string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  replay: replayCommand,
  render: renderCommand,
  golden: goldenCommand,
  start: startCommand,
};

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}": expected one of ${Object.keys(COMMANDS).join(', ')} (see parity --help)`);
    const options = parseCommon(rest);
    if (options.help) {
      process.stdout.write(HELP);
      return 0;
    }
    return await command(options, rest);
  } catch (error) {
    return reportError(error);
  }
}

export function reportError(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof EngineLoadError ||
      error instanceof ResultsFileError || isScenarioError(error)) {
    process.stderr.write(`parity: ${(error as Error).message}\n`);
    return 2;
  }
  if (error instanceof PoolSetupError) {
    process.stderr.write(`parity: could not start the engines: ${error.message}\n`);
    return 3;
  }
  process.stderr.write(`parity: internal error (exit 3): ${(error as Error)?.stack ?? String(error)}\n`);
  return 3;
}

// `tsx harness/cli/main.ts ...` runs the CLI directly (npm start does this).
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
