/**
 * The `parity` CLI. Commands return an exit class; user mistakes print a message (no
 * stack trace) and exit 2; anything unexpected is an infrastructure failure, exit 3.
 */
import { AssetError } from '../assets/assetError.ts';
import { ConfigError } from '../config/loadConfig.ts';
import { FileReadError } from '../files/readBoundedFile.ts';
import { EngineLoadError } from '../engines/registry.ts';
import { isScenarioError } from '../protocol/scenarioError.ts';
import { ResultsFileError } from '../results/readResults.ts';
import { PoolSetupError } from '../run/pool.ts';
import { describeFileSystemError, isFileSystemError } from './fileSystemError.ts';
import { parseCommon } from './options.ts';
import { HELP, UsageError } from './usage.ts';
import { ShardError } from '../gate/shard.ts';
import { MergeError } from '../gate/merge.ts';

type Command = (options: ReturnType<typeof parseCommon>, argv: readonly string[]) => Promise<number>;

/** Commands load on demand: `parity --help` stays fast and one command's imports cannot break another. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.ts')).runCommand,
  replay: async () => (await import('./commands/replay.ts')).replayCommand,
  render: async () => (await import('./commands/render.ts')).renderCommand,
  golden: async () => (await import('./commands/golden.ts')).goldenCommand,
  gate: async () => (await import('./commands/gate.ts')).gateCommand,
  merge: async () => (await import('./commands/merge.ts')).mergeCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  start: async () => (await import('./commands/start.ts')).startCommand,
  fuzz: async () => (await import('./commands/fuzz.ts')).fuzzCommand,
  minimize: async () => (await import('./commands/minimize.ts')).minimizeCommand,
  selftest: async () => (await import('./commands/selftest.ts')).selftestCommand,
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
    return await (await command())(options, rest);
  } catch (error) {
    return reportError(error);
  }
}

export function reportError(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof EngineLoadError ||
      error instanceof ResultsFileError || (error as Error)?.name === 'GateUsageError' || error instanceof ShardError ||
      error instanceof MergeError || isScenarioError(error) || error instanceof AssetError || error instanceof FileReadError) {
    process.stderr.write(`parity: ${(error as Error).message}\n`);
    return 2;
  }
  if (isFileSystemError(error)) {
    const { message, exitClass } = describeFileSystemError(error);
    process.stderr.write(`parity: ${message}\n`);
    return exitClass;
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
