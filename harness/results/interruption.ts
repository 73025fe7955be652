/**
 * The words for a run that was stopped before it finished. It has no verdict: it is
 * never a pass, and its exit class is 3 (harness/results/summarize.ts exitClassOf).
 */

/** "INTERRUPTED: 24 of 40 case(s) done …"; `planned` null when the plan was a time, not a count. */
export function interruptedLine(done: number, planned: number | null, unit = 'case(s)'): string {
  const progress = planned === null ? `${done} ${unit} done before the time budget was spent` : `${done} of ${planned} ${unit} done`;
  return `INTERRUPTED: ${progress}; the run did not finish: no verdict (exit 3)`;
}
