/** A case that could not run because its input is bad: recorded, never dropped. */
import type { CaseResult, InputError } from '../results/types.ts';
import type { CaseInput } from './runCase.ts';

export function inputErrorResult(input: Pick<CaseInput, 'id' | 'title' | 'source'> & { steps?: CaseInput['steps'] }, error: InputError): CaseResult {
  return {
    id: input.id,
    title: input.title,
    source: input.source,
    status: 'error',
    steps: input.steps?.length ?? 0,
    checkpoints: 0,
    divergences: [],
    error,
    timing: { referenceMs: 0, candidateMs: 0, compareMs: 0, totalMs: 0 },
  };
}
