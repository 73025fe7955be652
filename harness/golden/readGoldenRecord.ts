/**
 * Reads one golden record and checks every file of it. A golden record is input like a
 * scenario: whatever is wrong with it (truncated or null meta.json, bad checkpoints, a
 * truncated or corrupt PNG, broken or missing layout/events JSON) is a GoldenError
 * naming the file and what was expected, never a TypeError from deep inside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineEvent, Frame, LayoutEntry, Observation } from '../../engines/shared/observation.ts';
import { CAPS } from '../../engines/shared/protocol.ts';
import { readPng } from '../assets/readPng.ts';
import { describeFound } from '../protocol/describe.ts';
import { safeName } from '../results/safeName.ts';
import { eventsFromJson, layoutFromJson } from './observationCodec.ts';

export class GoldenError extends Error {
  override name = 'GoldenError';
}

export const GOLDEN_FORMAT = 'parity-golden/1';

export interface GoldenCheckpoint {
  readonly name: string;
  readonly step: number;
  readonly base: string;
}

export interface GoldenMetaFields {
  readonly format: typeof GOLDEN_FORMAT;
  readonly scenario: string;
  readonly file: string;
  readonly streamHash: string;
  readonly engine: { readonly name: string; readonly version: string; readonly build: string };
  readonly checkpoints: readonly GoldenCheckpoint[];
}

/** A frame PNG is at most a full viewport: 4096 x 4096 RGBA, which deflate can only shrink (plus headers). */
const MAX_FRAME_PIXELS = CAPS.maxViewportSide * CAPS.maxViewportSide;
const MAX_FRAME_FILE_BYTES = MAX_FRAME_PIXELS * 4 + 1024 * 1024;

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A file of the record as text; `where` is how messages name it. */
function readText(path: string, where: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GoldenError(`${where}: cannot read the golden file (${code === 'ENOENT' ? 'missing' : code ?? (error as Error).message}): re-record it with \`npx parity golden record\``);
  }
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GoldenError(`${where}: expected JSON, got ${(error as Error).message} (truncated or hand-edited? re-record it)`);
  }
}

export function readMeta(dir: string, where: string): GoldenMetaFields {
  const file = `${where}/meta.json`;
  const meta = parseJson(readText(join(dir, 'meta.json'), file), file);
  if (!isMap(meta)) throw new GoldenError(`${file}: expected a golden record object, got ${describeFound(meta)}`);
  if (meta.format !== GOLDEN_FORMAT) throw new GoldenError(`${file}: expected format ${GOLDEN_FORMAT}, got ${describeFound(meta.format)}`);
  for (const key of ['scenario', 'file', 'streamHash'] as const) {
    if (typeof meta[key] !== 'string') throw new GoldenError(`${file}: field "${key}": expected a string, got ${describeFound(meta[key])}`);
  }
  const engine = meta.engine;
  if (!isMap(engine) || !['name', 'version', 'build'].every((k) => typeof engine[k] === 'string')) {
    throw new GoldenError(`${file}: field "engine": expected { name, version, build } (strings), got ${describeFound(engine)}`);
  }
  if (!Array.isArray(meta.checkpoints)) throw new GoldenError(`${file}: field "checkpoints": expected a list, got ${describeFound(meta.checkpoints)}`);
  meta.checkpoints.forEach((c, i) => checkCheckpoint(c, `${file}: checkpoints[${i}]`));
  return meta as unknown as GoldenMetaFields;
}

function checkCheckpoint(c: unknown, where: string): void {
  if (!isMap(c)) throw new GoldenError(`${where}: expected { name, step, base }, got ${describeFound(c)}`);
  if (typeof c.name !== 'string') throw new GoldenError(`${where}.name: expected a string, got ${describeFound(c.name)}`);
  if (typeof c.step !== 'number' || !Number.isInteger(c.step) || c.step < 0) throw new GoldenError(`${where}.step: expected an integer >= 0, got ${describeFound(c.step)}`);
  // file names come from the record: only names safeName would have written stay inside the folder
  if (typeof c.base !== 'string' || c.base === '' || safeName(c.base, 80) !== c.base) {
    throw new GoldenError(`${where}.base: expected a checkpoint file name of letters, digits, '-' and '_', got ${describeFound(c.base)}`);
  }
}

/**
 * The frame of a checkpoint. The seam for PNG decoding: the host's reader
 * (harness/assets/readPng.ts) with a golden frame's caps; what it returns is checked
 * again here (size and data length), so a decoder that hands back a short or unfilled
 * buffer cannot become a golden frame.
 */
function readFrame(path: string, where: string): Frame {
  let png;
  try {
    png = readPng(path, { maxFileBytes: MAX_FRAME_FILE_BYTES, maxPixels: MAX_FRAME_PIXELS });
  } catch (error) {
    const problem = (error as Error).message.startsWith(path) ? (error as Error).message.slice(path.length + 2) : (error as Error).message;
    throw new GoldenError(`${where}: ${problem} (re-record it with \`npx parity golden record\`)`);
  }
  const { width, height, data } = png;
  if (data.length !== width * height * 4) {
    throw new GoldenError(`${where}: expected ${width}x${height} RGBA = ${width * height * 4} bytes of pixels, got ${data.length}`);
  }
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

function readCodec<T>(path: string, where: string, decode: (text: string, where: string) => T): T {
  const text = readText(path, where);
  try {
    return decode(text, where);
  } catch (error) {
    if (error instanceof SyntaxError) throw new GoldenError(`${where}: expected JSON, got ${error.message} (truncated or hand-edited? re-record it)`);
    const message = (error as Error).message;
    throw new GoldenError(message.startsWith(where) ? message : `${where}: ${message}`);
  }
}

/** The observation of one checkpoint; a frame is read when its PNG exists (layout-only goldens have none). */
export function readCheckpoint(dir: string, where: string, c: GoldenCheckpoint, hasPng: (path: string) => boolean): Observation {
  const png = join(dir, `${c.base}.png`);
  const layout: LayoutEntry[] = readCodec(join(dir, `${c.base}.layout.json`), `${where}/${c.base}.layout.json`, layoutFromJson);
  const events: EngineEvent[] = readCodec(join(dir, `${c.base}.events.json`), `${where}/${c.base}.events.json`, eventsFromJson);
  return { checkpoint: c.name, step: c.step, frame: hasPng(png) ? readFrame(png, `${where}/${c.base}.png`) : null, layout, events };
}
