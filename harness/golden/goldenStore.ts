/**
 * The golden store: the reference engine's recorded observations per scenario.
 *
 *   golden/<scenario-id>/meta.json              scenario file, stream hash, engine identity, checkpoints
 *   golden/<scenario-id>/<nn>-<checkpoint>.png  the frame (compared by pixels, not PNG bytes)
 *   golden/<scenario-id>/<nn>-<checkpoint>.layout.json
 *   golden/<scenario-id>/<nn>-<checkpoint>.events.json
 *
 * Folder and file names come from scenario data, so they go through safeName and stay
 * inside golden/. Goldens are regenerated (record/approve), never hand-edited.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Observation } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import type { EngineIdentity } from '../engines/types.ts';
import { canonicalJson, canonicalStream } from '../protocol/canonical.ts';
import { encodePng } from '../results/artifacts.ts';
import { safeName } from '../results/safeName.ts';
import { eventsToJson, layoutToJson } from './observationCodec.ts';
import { GOLDEN_FORMAT, GoldenError, readCheckpoint, readMeta } from './readGoldenRecord.ts';

export { GOLDEN_FORMAT, GoldenError };

export interface GoldenMeta {
  readonly format: typeof GOLDEN_FORMAT;
  readonly scenario: string;
  readonly file: string;
  /** sha256 of the canonical steps and viewport: a golden of another stream is stale. */
  readonly streamHash: string;
  readonly engine: EngineIdentity;
  readonly checkpoints: readonly { readonly name: string; readonly step: number; readonly base: string }[];
}

export function streamHash(steps: readonly Command[], viewport: { width: number; height: number }): string {
  return createHash('sha256').update(`${viewport.width}x${viewport.height}\n`).update(canonicalStream(steps)).digest('hex').slice(0, 16);
}

export function goldenDir(root: string, scenarioId: string): string {
  return join(root, safeName(scenarioId));
}

export function writeGolden(root: string, meta: Omit<GoldenMeta, 'format' | 'checkpoints'>, observations: readonly Observation[]): GoldenMeta {
  const dir = goldenDir(root, meta.scenario);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const checkpoints = observations.map((o, i) => {
    const base = `${String(i).padStart(2, '0')}-${safeName(o.checkpoint || `step-${o.step}`, 40)}`;
    if (o.frame) writeFileSync(join(dir, `${base}.png`), encodePng(o.frame));
    writeFileSync(join(dir, `${base}.layout.json`), layoutToJson(o.layout));
    writeFileSync(join(dir, `${base}.events.json`), eventsToJson(o.events));
    return { name: o.checkpoint, step: o.step, base };
  });
  const full: GoldenMeta = { format: GOLDEN_FORMAT, ...meta, checkpoints };
  writeFileSync(join(dir, 'meta.json'), `${canonicalJson(JSON.parse(JSON.stringify(full)))}\n`);
  return full;
}

export function hasGolden(root: string, scenarioId: string): boolean {
  return existsSync(join(goldenDir(root, scenarioId), 'meta.json'));
}

/** The record of a scenario, every file checked (./readGoldenRecord.ts); any fault is a GoldenError naming the file. */
export function readGolden(root: string, scenarioId: string): { meta: GoldenMeta; observations: Observation[] } {
  const dir = goldenDir(root, scenarioId);
  const shown = relative(process.cwd(), dir);
  const where = shown === '' || shown.startsWith('..') ? dir : shown;
  const meta: GoldenMeta = readMeta(dir, where);
  // frames are all there or all absent (a layout-only engine): one missing PNG is a damaged record
  const pngs = meta.checkpoints.filter((c) => existsSync(join(dir, `${c.base}.png`)));
  if (pngs.length > 0 && pngs.length < meta.checkpoints.length) {
    const missing = meta.checkpoints.find((c) => !existsSync(join(dir, `${c.base}.png`)))!;
    throw new GoldenError(`${where}/${missing.base}.png: missing, while other checkpoints of the record have frames: re-record it with \`npx parity golden record\``);
  }
  const observations = meta.checkpoints.map((c) => readCheckpoint(dir, where, c, existsSync));
  return { meta, observations };
}
