/**
 * The page's main thread <-> its Wasm worker: the JS proxy side sends each checkpoint's
 * command batch as one binary message (engines/shared/binary.ts), as proxy nodes do on
 * devices; the worker answers each batch with a digest (or the full observation when
 * asked) or with the failure that stopped its session.
 */
import type { FontAtlas, ImageAsset } from '../../../../engines/shared/assets.ts';
import type { QuirkFlags } from '../../../../engines/shared/quirks.ts';
import type { CheckpointDigest, Side, WireObservation } from '../wire.ts';

/** What to do after applying a batch: nothing (no frame command), hash, or hash and return it in full. */
export type SnapshotMode = 'none' | 'digest' | 'full';

export type ToWorker =
  | { readonly t: 'init'; readonly module: WebAssembly.Module; readonly font: FontAtlas | null; readonly images: ReadonlyArray<readonly [number, ImageAsset]> }
  | { readonly t: 'font'; readonly font: FontAtlas }
  | { readonly t: 'image'; readonly key: number; readonly image: ImageAsset }
  | {
      readonly t: 'open'; readonly seq: number; readonly side: Side; readonly width: number; readonly height: number;
      readonly quirks?: QuirkFlags; readonly images: ReadonlyArray<readonly [string, number]>; readonly present: boolean;
    }
  | { readonly t: 'apply'; readonly seq: number; readonly side: Side; readonly batch: number; readonly bytes: Uint8Array; readonly snapshot: SnapshotMode }
  | { readonly t: 'close'; readonly seq: number; readonly side: Side }
  | { readonly t: 'debug'; readonly hook: 'hang' | 'crash' };

export type FromWorker =
  | { readonly t: 'ready' }
  | {
      readonly t: 'ok'; readonly seq: number; readonly side: Side; readonly batch: number;
      readonly digest?: CheckpointDigest; readonly full?: WireObservation;
      /** The frame, for drawing (present mode only). */
      readonly frame?: { readonly width: number; readonly height: number; readonly data: Uint8Array };
    }
  | { readonly t: 'fail'; readonly seq: number; readonly side: Side; readonly batch: number; readonly name: string; readonly message: string; readonly lastStep: number }
  | { readonly t: 'closed'; readonly seq: number; readonly side: Side; readonly ms: number };
