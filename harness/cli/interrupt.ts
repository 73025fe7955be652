/**
 * Ctrl-C. The first stops handing out cases and lets the command write what it has,
 * marked interrupted (exit 3: an interrupted run has no verdict); the second exits now.
 */
import type { RunSummary } from '../results/types.ts';
import { interruptedLine } from '../results/interruption.ts';

export function onInterrupt(): { stopped: () => boolean; dispose: () => void } {
  let stop = false;
  const handler = () => {
    if (stop) process.exit(130);
    stop = true;
    process.stderr.write('\ninterrupted: finishing the running cases and writing results (Ctrl-C again to quit now)\n');
  };
  process.on('SIGINT', handler);
  return { stopped: () => stop, dispose: () => process.off('SIGINT', handler) };
}

/** The last line of an interrupted run's console summary ("INTERRUPTED: N of M done …"); empty otherwise. */
export function stopped(s: Pick<RunSummary, 'interrupted' | 'total' | 'planned'>): string {
  return s.interrupted ? `${interruptedLine(s.total, s.planned)}\n` : '';
}
