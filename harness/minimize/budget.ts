/**
 * A minimization budget: wall time and a count of oracle calls. Once spent, every
 * further candidate is refused (treated as not reproducing), so what was reduced so far
 * is kept and the result says it is incomplete. Within budget, minimization is a pure
 * function of its input, so the same divergence gives the same reproducer.
 */
export class Budget {
  private readonly deadline: number;
  private calls = 0;
  exhausted = false;

  constructor(timeMs: number, private readonly maxCalls: number, private readonly clock: () => number = () => performance.now()) {
    this.deadline = clock() + timeMs;
  }

  /** True when another call may be made (and counts it). */
  take(): boolean {
    if (this.exhausted) return false;
    if (this.calls >= this.maxCalls || this.clock() >= this.deadline) {
      this.exhausted = true;
      return false;
    }
    this.calls++;
    return true;
  }
}
