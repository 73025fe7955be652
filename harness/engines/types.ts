/**
 * The engine adapter interface (issue 4): how the harness drives any engine.
 *
 * An adapter creates sessions; a session receives command batches and yields
 * observations. Every method may return a promise, so an engine can live in-process,
 * in a worker thread or in a browser page. Third-party engines implement this
 * interface in a module named in parity.config.yaml (see README "Engine adapters").
 */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Observation } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface EngineIdentity {
  /** Short name used in reports, e.g. "legacy-js". */
  readonly name: string;
  readonly version: string;
  /** A hash of what was built or loaded, so a report says exactly which engine ran. */
  readonly build: string;
}

export interface SessionOptions {
  readonly assets: HostAssets;
  readonly quirks?: QuirkFlags;
}

type MaybePromise<T> = T | Promise<T>;

export interface EngineSession {
  /** Applies commands in order; invalid commands become events, never exceptions. */
  apply(batch: readonly Command[]): MaybePromise<void>;
  /** The observation at the current checkpoint. Frame data must stay valid until the next call. */
  snapshot(): MaybePromise<Observation>;
  dispose(): MaybePromise<void>;
}

export interface EngineAdapter {
  readonly identity: EngineIdentity;
  /** False for layout-only engines: their observations carry `frame: null`. */
  readonly producesFrames: boolean;
  create(viewport: Viewport, options: SessionOptions): MaybePromise<EngineSession>;
  /** Releases shared resources (worker threads, browsers). */
  close?(): MaybePromise<void>;
}

/** What an adapter module exports: a factory taking the options from parity.config.yaml. */
export type AdapterFactory = (options: Record<string, unknown>) => MaybePromise<EngineAdapter>;
