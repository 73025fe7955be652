/**
 * Health statistics of a stream: its length, how many commands the scene model expects
 * the engines to accept or reject (an estimate: the model replays the legacy engine's
 * checks, not its layout), checkpoints and per-op counts. Works on any stream, generated
 * or recorded.
 */
import type { EventCode } from '../../engines/shared/observation.ts';
import { OPS } from '../../engines/shared/protocol.ts';
import type { Command, Op } from '../../engines/shared/protocol.ts';
import { SceneModel } from './_internals/sceneModel.ts';
import { DEFAULT_VIEWPORT } from './options.ts';
import type { Viewport } from './types.ts';

export interface StreamStats {
  readonly length: number;
  readonly valid: number;
  readonly invalid: number;
  /** `frame` commands. */
  readonly checkpoints: number;
  readonly ops: Readonly<Record<Op, number>>;
  /** Expected error events by code. */
  readonly errors: Readonly<Partial<Record<EventCode, number>>>;
  /** Most nodes alive at once, the root included. */
  readonly peakNodes: number;
}

export function streamStats(commands: readonly Command[], viewport: Viewport = DEFAULT_VIEWPORT): StreamStats {
  const model = new SceneModel(viewport);
  const ops = Object.fromEntries(OPS.map((op) => [op, 0])) as Record<Op, number>;
  const errors: Partial<Record<EventCode, number>> = {};
  let invalid = 0;
  let peakNodes = 1;
  for (const command of commands) {
    ops[command.op]++;
    const error = model.apply(command);
    if (error !== null) {
      invalid++;
      errors[error] = (errors[error] ?? 0) + 1;
    }
    peakNodes = Math.max(peakNodes, model.nodes.size);
  }
  return { length: commands.length, valid: commands.length - invalid, invalid, checkpoints: ops.frame, ops, errors, peakNodes };
}
