/**
 * Drives one engine session through a command stream, checkpoint by checkpoint.
 * The stream is cut after every `frame` command: each cut is one batch (one message
 * on the JS->engine channel), followed by one snapshot.
 */
import type { Observation } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import type { EngineSession } from '../engines/types.ts';

/** [start, end) ranges of steps, each ending with a `frame` command; trailing steps form a last range. */
export function checkpointBatches(steps: readonly Command[]): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let start = 0;
  for (let i = 0; i < steps.length; i++) {
    if (steps[i].op === 'frame') {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < steps.length) out.push([start, steps.length]);
  return out;
}

/** An observation the harness owns: the frame copied out of engine memory. */
export function ownObservation(o: Observation): Observation {
  return o.frame === null ? o : { ...o, frame: { width: o.frame.width, height: o.frame.height, data: o.frame.data.slice() } };
}

/** A failure raised by an engine call, with the step it is attributed to. */
export interface EngineFailure {
  readonly message: string;
  readonly step: number;
}

/** Turns anything an engine threw into a message and a step (an EngineCrash names its last step). */
export function engineFailure(error: unknown, fallbackStep: number): EngineFailure {
  const e = error as { message?: unknown; lastStep?: unknown } | null;
  const message = e && typeof e.message === 'string' ? e.message : String(error);
  const step = e && typeof e.lastStep === 'number' && e.lastStep >= 0 ? e.lastStep : fallbackStep;
  return { message, step };
}

export interface StreamObservations {
  readonly observations: Observation[];
  readonly failure?: EngineFailure;
}

/** Runs a whole stream through one session and keeps every checkpoint's observation. */
export async function observeStream(session: EngineSession, steps: readonly Command[]): Promise<StreamObservations> {
  const observations: Observation[] = [];
  for (const [start, end] of checkpointBatches(steps)) {
    try {
      await session.apply(steps.slice(start, end));
      if (steps[end - 1].op === 'frame') observations.push(ownObservation(await session.snapshot()));
    } catch (error) {
      return { observations, failure: engineFailure(error, end - 1) };
    }
  }
  return { observations };
}
