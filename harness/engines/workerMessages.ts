/** Typed messages between a worker-thread engine and its adapter. */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Observation } from '../../engines/shared/observation.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';

export type ToEngineWorker =
  | { readonly type: 'create'; readonly width: number; readonly height: number; readonly assets: HostAssets; readonly quirks?: QuirkFlags }
  | { readonly type: 'apply'; readonly batch: Uint8Array }
  | { readonly type: 'snapshot' }
  | { readonly type: 'dispose' };

export type FromEngineWorker =
  | { readonly type: 'ok' }
  | { readonly type: 'observation'; readonly observation: Observation }
  | { readonly type: 'error'; readonly name: string; readonly message: string; readonly lastStep?: number };
