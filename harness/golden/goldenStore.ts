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
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PNG } from 'pngjs';
import type { Observation } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import type { EngineIdentity } from '../engines/types.ts';
import { canonicalJson, canonicalStream } from '../protocol/canonical.ts';
import { encodePng } from '../results/artifacts.ts';
import { safeName } from '../results/safeName.ts';
import { eventsFromJson, eventsToJson, layoutFromJson, layoutToJson } from './observationCodec.ts';

export const GOLDEN_FORMAT = 'parity-golden/1';

export interface GoldenMeta {
  readonly format: typeof GOLDEN_FORMAT;
  readonly scenario: string;
  readonly file: string;
  /** sha256 of the canonical steps and viewport: a golden of another stream is stale. */
  readonly streamHash: string;
  readonly engine: EngineIdentity;
  readonly checkpoints: readonly { readonly name: string; readonly step: number; readonly base: string }[];
}

export class GoldenError extends Error {
  override name = 'GoldenError';
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

export function readGolden(root: string, scenarioId: string): { meta: GoldenMeta; observations: Observation[] } {
  const dir = goldenDir(root, scenarioId);
  const where = relative(process.cwd(), dir);
  let meta: GoldenMeta;
  try {
    meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as GoldenMeta;
  } catch (error) {
    throw new GoldenError(`${where}/meta.json: cannot read the golden record: ${(error as Error).message}`);
  }
  if (meta.format !== GOLDEN_FORMAT) throw new GoldenError(`${where}/meta.json: expected format ${GOLDEN_FORMAT}, got ${JSON.stringify(meta.format)}`);
  const observations = meta.checkpoints.map((c): Observation => {
    const base = safeName(c.base, 80) === c.base ? c.base : (() => { throw new GoldenError(`${where}/meta.json: bad checkpoint file name ${JSON.stringify(c.base)}`); })();
    const png = join(dir, `${base}.png`);
    let frame = null;
    if (existsSync(png)) {
      const decoded = PNG.sync.read(readFileSync(png));
      frame = { width: decoded.width, height: decoded.height, data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength) };
    }
    return {
      checkpoint: c.name,
      step: c.step,
      frame,
      layout: layoutFromJson(readFileSync(join(dir, `${base}.layout.json`), 'utf8'), `${where}/${base}.layout.json`),
      events: eventsFromJson(readFileSync(join(dir, `${base}.events.json`), 'utf8'), `${where}/${base}.events.json`),
    };
  });
  return { meta, observations };
}
