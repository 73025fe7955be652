/** What the pool sends to case workers: plain data only. */
import type { CompareOptions } from '../compare/types.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { CaseResult } from '../results/types.ts';
import type { CaseInput } from './runCase.ts';

export interface CaseTask {
  readonly input: CaseInput;
  /** Image name -> absolute PNG path, in declaration order. */
  readonly assets: ReadonlyArray<readonly [string, string]>;
  readonly compare?: CompareOptions;
}

export interface WorkerSetup {
  readonly reference: EngineSpec;
  readonly candidate: EngineSpec;
  readonly referenceQuirks?: QuirkFlags;
  readonly candidateQuirks?: QuirkFlags;
  /** Where artifacts go; none are written when absent. */
  readonly runDir?: string;
  readonly baseDir: string;
}

export type ToCaseWorker =
  | { readonly type: 'setup'; readonly setup: WorkerSetup }
  | { readonly type: 'case'; readonly index: number; readonly task: CaseTask };

export type FromCaseWorker =
  | { readonly type: 'ready' }
  /** `input`: an adapter module that does not load (exit 2); otherwise the engines could not start (exit 3). */
  | { readonly type: 'setup-failed'; readonly message: string; readonly input: boolean }
  /** An engine fault that belongs to no running case (./asyncFaults.ts). */
  | { readonly type: 'incident'; readonly message: string }
  | { readonly type: 'result'; readonly index: number; readonly result: CaseResult };

/** Shared progress slots, read by the watchdog when a case times out. */
export const PROGRESS_SIDE = 0; // 0 none, 1 reference, 2 candidate
export const PROGRESS_STEP = 1;
