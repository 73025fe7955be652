/**
 * Saves a minimized divergence as <dir>/<fingerprint>.yaml without ever losing another
 * reproducer (issue 11: a minimize run silently replaced the only reproducer of another
 * bug). A file already there is the same reproducer only when its provenance names the
 * same fingerprint, the same compat flags off and the same engines; then the smaller of
 * the two stays. Anything else there (another find, an unreadable file) is never touched:
 * the new one goes beside it as <fingerprint>-2.yaml (the next free suffix).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { tryParseScenario } from '../protocol/scenario.ts';
import { commandToYaml } from '../protocol/scenarioToYaml.ts';
import type { Provenance } from '../protocol/scenarioTypes.ts';
import { regressionFile } from './regressionFile.ts';
import type { RegressionInput } from './regressionFile.ts';

export type { RegressionInput } from './regressionFile.ts';

/** What writeRegression did; every caller prints it (describeRegressionWrite). */
export type RegressionWrite =
  | { readonly action: 'written'; readonly file: string }
  | { readonly action: 'replaced'; readonly file: string; readonly replaced: { readonly steps: number; readonly sha256: string } }
  | { readonly action: 'kept'; readonly file: string; readonly keptSteps: number; readonly offeredSteps: number; readonly sameSize: boolean }
  | { readonly action: 'written-beside'; readonly file: string; readonly beside: string; readonly holds: string };

/** Most files tried for one fingerprint (<fp>.yaml, <fp>-2.yaml, ...) before giving up. */
const MAX_SUFFIX = 100;

/** A reproducer's size: fewer steps first, then fewer bytes of its stream. */
interface Size {
  readonly steps: number;
  readonly bytes: number;
}

const sizeOf = (steps: RegressionInput['steps']): Size => ({ steps: steps.length, bytes: Buffer.byteLength(steps.map(commandToYaml).join('\n')) });
const smaller = (a: Size, b: Size) => a.steps < b.steps || (a.steps === b.steps && a.bytes < b.bytes);
const sha12 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** `<fingerprint>.yaml`, then `<fingerprint>-2.yaml`, ... */
export function regressionPath(dir: string, fingerprint: string, n = 1): string {
  return resolve(dir, n === 1 ? `${fingerprint}.yaml` : `${fingerprint}-${n}.yaml`);
}

/** First word of an identity line (`wasm 0.1.0 abc123`): the engine, whatever its build. */
const engineOf = (line: unknown) => (typeof line === 'string' ? line.split(' ')[0] : undefined);

/** Why an existing file is not this reproducer, or null when it is (same find, same engines, same flags). */
function differs(existing: Provenance | undefined, fresh: Provenance): string | null {
  if (existing === undefined) return 'a scenario without provenance';
  if (existing.fingerprint !== fresh.fingerprint) return `the reproducer of fingerprint ${String(existing.fingerprint)}`;
  if (existing.candidateQuirks !== fresh.candidateQuirks) return `a reproducer run with compat flags ${String(existing.candidateQuirks)}`;
  for (const side of ['reference', 'candidate'] as const) {
    if (engineOf(existing[side]) !== engineOf(fresh[side])) return `a reproducer for ${side} ${String(engineOf(existing[side]))}`;
  }
  return null;
}

function write(file: string, input: RegressionInput): void {
  const { text, copies } = regressionFile(file, input);
  mkdirSync(dirname(file), { recursive: true });
  for (const [from, to] of copies) {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  writeFileSync(file, text);
}

export function writeRegression(dir: string, input: RegressionInput): RegressionWrite {
  const first = regressionPath(dir, input.fingerprint);
  let holds = '';
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const file = regressionPath(dir, input.fingerprint, n);
    if (!existsSync(file)) {
      write(file, input);
      return n === 1 ? { action: 'written', file } : { action: 'written-beside', file, beside: first, holds };
    }
    const text = readFileSync(file, 'utf8');
    const parsed = tryParseScenario(text, file);
    const why = parsed.ok ? differs(parsed.scenario.provenance, input.provenance) : 'an unreadable scenario';
    if (n === 1) holds = why ?? '';
    if (why !== null || !parsed.ok) continue;
    const old = sizeOf(parsed.scenario.steps);
    const fresh = sizeOf(input.steps);
    if (!smaller(fresh, old)) return { action: 'kept', file, keptSteps: old.steps, offeredSteps: fresh.steps, sameSize: !smaller(old, fresh) };
    const replaced = { steps: old.steps, sha256: sha12(text) };
    write(file, { ...input, provenance: { ...input.provenance, replacesSteps: replaced.steps, replacesSha256: replaced.sha256 } });
    return { action: 'replaced', file, replaced };
  }
  throw new Error(`writeRegression: ${first} and ${MAX_SUFFIX - 1} numbered files beside it all hold other reproducers`);
}

/** One line saying what happened to the file, for every caller to print. */
export function describeRegressionWrite(w: RegressionWrite, cwd = process.cwd()): string {
  const rel = relative(cwd, w.file);
  switch (w.action) {
    case 'written':
      return `wrote ${rel}`;
    case 'replaced':
      return `replaced ${rel} with this smaller reproducer (it had ${w.replaced.steps} step(s), sha256 ${w.replaced.sha256})`;
    case 'kept':
      return `${w.sameSize ? `kept the existing reproducer ${rel}, as small as this one` : `kept the existing smaller reproducer ${rel}`} (${w.keptSteps} step(s); this one has ${w.offeredSteps}): nothing written`;
    case 'written-beside':
      return `${relative(cwd, w.beside)} holds ${w.holds}: left it untouched and wrote ${rel}`;
  }
}
