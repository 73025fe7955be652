/**
 * What a third-party adapter's session returns, checked before the harness reads it: a
 * missing or malformed observation is a crash of that engine naming the field, never a
 * pass with nothing compared (a `snapshot()` returning undefined used to end a case as
 * if the engine had stopped, with 0 checkpoints and status pass).
 *
 * Layout numbers may be NaN or ±Infinity: the legacy engine reaches them through quirk
 * parsefloat-units (harness/golden/observationCodec.ts stores them), so a faithful port
 * must be allowed to report them too. Only their type is checked.
 */
import type { EngineAdapter, EngineSession } from './types.ts';

const OBSERVATION = 'expected an observation {checkpoint, step, frame, layout, events}';

/** A session returned something the harness cannot read; `lastStep` places it (see run/observeStream.ts). */
export class ObservationError extends Error {
  override name = 'ObservationError';
  constructor(message: string, readonly lastStep: number) {
    super(message);
  }
}

function shown(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  return typeof v === 'function' ? 'a function' : 'an object';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Check = (v: unknown) => string | null;
const number: Check = (v) => (typeof v === 'number' ? null : 'expected a number');
const integer: Check = (v) => (Number.isInteger(v) ? null : 'expected an integer');
const size: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? null : 'expected a non-negative integer');
const string: Check = (v) => (typeof v === 'string' ? null : 'expected a string');

/** The first field of `record` (at `path`) that fails its check, as "path.field: expected X, got Y". */
function fields(record: Record<string, unknown>, path: string, checks: Record<string, Check>): string | null {
  for (const [name, check] of Object.entries(checks)) {
    const problem = check(record[name]);
    if (problem) return `${path}.${name}: ${problem}, got ${shown(record[name])}`;
  }
  return null;
}

function frameProblem(frame: unknown, path: string): string | null {
  if (frame === null) return null;
  if (!isRecord(frame)) return `${path}: expected null or a frame {width, height, data}, got ${shown(frame)}`;
  const bad = fields(frame, path, { width: size, height: size });
  if (bad) return bad;
  if (!(frame.data instanceof Uint8Array)) return `${path}.data: expected a Uint8Array, got ${shown(frame.data)}`;
  const want = (frame.width as number) * (frame.height as number) * 4;
  return frame.data.length === want ? null : `${path}.data: expected ${want} bytes (width × height × 4), got ${frame.data.length}`;
}

function listProblem(list: unknown, path: string, entry: (e: Record<string, unknown>, at: string) => string | null): string | null {
  if (!Array.isArray(list)) return `${path}: expected an array, got ${shown(list)}`;
  for (let i = 0; i < list.length; i++) {
    const at = `${path}[${i}]`;
    const e: unknown = list[i];
    const problem = isRecord(e) ? entry(e, at) : `${at}: expected an object, got ${shown(e)}`;
    if (problem) return problem;
  }
  return null;
}

function layoutEntryProblem(e: Record<string, unknown>, at: string): string | null {
  const bad = fields(e, at, { id: number, depth: number, x: number, y: number, width: number, height: number });
  if (bad || e.lines === undefined) return bad;
  if (!Array.isArray(e.lines)) return `${at}.lines: expected an array of strings, got ${shown(e.lines)}`;
  const i = e.lines.findIndex((l) => typeof l !== 'string');
  return i < 0 ? null : `${at}.lines[${i}]: expected a string, got ${shown(e.lines[i])}`;
}

const eventProblem = (e: Record<string, unknown>, at: string) => fields(e, at, { step: integer, kind: string, code: string, id: number, detail: string });

/** Why `o` is not an observation (naming the first bad field), or null when it is one. */
export function observationProblem(o: unknown): string | null {
  if (!isRecord(o)) return `snapshot() returned ${shown(o)}: ${OBSERVATION}`;
  return fields(o, 'snapshot()', { checkpoint: string, step: integer })
    ?? frameProblem(o.frame, 'snapshot().frame')
    ?? listProblem(o.layout, 'snapshot().layout', layoutEntryProblem)
    ?? listProblem(o.events, 'snapshot().events', eventProblem);
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

function checkedSession(session: EngineSession, engine: string): EngineSession {
  let applied = 0;
  const check = <T>(o: T): T => {
    const problem = observationProblem(o);
    if (problem) throw new ObservationError(`engine ${engine}, step ${applied - 1}: ${problem}`, applied - 1);
    return o;
  };
  return {
    apply(batch) {
      applied += batch.length;
      return session.apply(batch);
    },
    snapshot() {
      const o = session.snapshot();
      return (isThenable(o) ? Promise.resolve(o).then(check) : check(o)) as ReturnType<EngineSession['snapshot']>;
    },
    dispose: () => session.dispose(),
  };
}

function sessionProblem(s: unknown): string | null {
  if (!isRecord(s)) return `create() returned ${shown(s)}: expected a session {apply, snapshot, dispose}`;
  const missing = ['apply', 'snapshot', 'dispose'].find((m) => typeof s[m] !== 'function');
  return missing ? `create() returned a session without a ${missing}() method: expected {apply, snapshot, dispose}` : null;
}

/**
 * The adapter with every session's observations checked. Used for third-party modules
 * only: the bundled engines are trusted, and the check would cost the fuzz hot path.
 */
export function checkedAdapter(adapter: EngineAdapter): EngineAdapter {
  const engine = adapter.identity.name;
  return {
    identity: adapter.identity,
    producesFrames: adapter.producesFrames,
    async create(viewport, options) {
      const session: unknown = await adapter.create(viewport, options);
      const problem = sessionProblem(session);
      if (problem) throw new ObservationError(`engine ${engine}: ${problem}`, -1);
      return checkedSession(session as EngineSession, engine);
    },
    ...(adapter.close ? { close: () => adapter.close!() } : {}),
  };
}
