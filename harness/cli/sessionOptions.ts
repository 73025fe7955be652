/**
 * The run-session options every command that opens a run folder derives from its
 * flags the same way: engines, compat flags, workers, time limit, target, reports
 * folder, progress and Ctrl-C.
 */
import type { ParityConfig } from '../config/config.ts';
import type { Progress } from '../report/console/progress.ts';
import type { RunSessionOptions } from '../run/runSession.ts';
import type { CommonOptions } from './options.ts';

export function sessionOptions(
  o: CommonOptions,
  config: ParityConfig,
  command: readonly string[],
  progress: Progress,
  stopped: () => boolean,
): RunSessionOptions {
  return {
    config,
    reference: o.reference,
    candidate: o.candidate,
    candidateQuirks: o.candidateQuirks,
    workers: o.workers,
    timeoutMs: o.timeoutMs,
    target: o.target,
    present: o.present,
    reportsDir: o.out,
    command: command.join(' '),
    onResult: (r, done, total) => progress.update(r, done, total),
    onPhase: (t) => progress.phase(t),
    shouldStop: stopped,
  };
}
