/**
 * The Wasm engine trapped (a Rust panic is `RuntimeError: unreachable`; a bad access is
 * "memory access out of bounds"; runaway recursion a RangeError). That is an engine bug,
 * not an invalid command: the harness reports it as an engine crash (gate class 3).
 * The instance is discarded; the renderer's next call starts on a fresh one.
 */
export type CrashPhase = 'apply' | 'snapshot' | 'setup';

export class EngineCrash extends Error {
  override readonly name = 'EngineCrash';

  constructor(
    /** What the host was doing when the engine trapped. */
    readonly phase: CrashPhase,
    /**
     * apply: index of the command being applied when it trapped (counted from 0 since the
     * renderer was created or last recovered); snapshot: index of the last command
     * applied (-1 if none); setup: -1.
     */
    readonly lastStep: number,
    /** The error the Wasm VM threw. */
    override readonly cause: unknown,
  ) {
    super(`wasm engine crashed during ${phase}${lastStep >= 0 ? ` at step ${lastStep}` : ''}: ${String(cause)}`);
  }
}
