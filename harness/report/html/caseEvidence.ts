/**
 * A diverging case's evidence as the report embeds it: both frames and the diff (through
 * the ImageStore's size rule), both layout trees merged into layout-tree diff rows (which
 * the viewer also draws as the box overlay), the node ids to highlight and, for
 * downscaled frames, full-resolution crops of the differing area.
 */
import { join } from 'node:path';
import { readRunFile } from '../../results/readRunFile.ts';
import type { CaseEvidence, CaseResult, StoredDivergence } from '../../results/types.ts';
import { decodePng, encodeRgba, ImageStore, MAX_SIDE } from './imageStore.ts';
import type { BoxView, DetailCrop, EvidenceView, ImageRef, LayoutRow } from './viewModel.ts';

/** Most layout-tree rows embedded per case; differing rows always are. */
export const MAX_LAYOUT_ROWS = 300;
/** Margin harness/compare/crop.ts grows the differing box by. */
const CROP_MARGIN = 4;

/** The layout boxes of a run-folder JSON file; [] when it is missing, outside the run folder or not a layout. */
export function readBoxes(runDir: string, name: string): BoxView[] {
  try {
    const bytes = readRunFile(runDir, name);
    if (!bytes) return [];
    const raw = JSON.parse(bytes.toString('utf8')) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter((e) => e && typeof e === 'object' && typeof e.id === 'number').map((e) => ({
      id: e.id, depth: Number(e.depth) || 0, x: e.x, y: e.y, width: e.width, height: e.height,
      ...(Array.isArray(e.lines) ? { lines: e.lines.map(String) } : {}),
    }));
  } catch {
    return [];
  }
}

/** Reference and candidate layouts merged by node occurrence, with the fields that differ. */
export function layoutRows(reference: readonly BoxView[], candidate: readonly BoxView[], differing: ReadonlyMap<string, string[]>): LayoutRow[] {
  const keyed = (boxes: readonly BoxView[]) => {
    const seen = new Map<number, number>();
    return boxes.map((b) => {
      const occurrence = seen.get(b.id) ?? 0;
      seen.set(b.id, occurrence + 1);
      return { key: `${b.id}@${occurrence}`, occurrence, box: b };
    });
  };
  const cand = new Map(keyed(candidate).map((k) => [k.key, k]));
  const rows: LayoutRow[] = [];
  for (const r of keyed(reference)) {
    const c = cand.get(r.key);
    cand.delete(r.key);
    rows.push({ id: r.box.id, occurrence: r.occurrence, depth: r.box.depth, reference: r.box, candidate: c?.box ?? null, differs: differing.get(r.key) ?? [] });
  }
  for (const c of cand.values()) {
    rows.push({ id: c.box.id, occurrence: c.occurrence, depth: c.box.depth, reference: null, candidate: c.box, differs: differing.get(c.key) ?? ['node'] });
  }
  return rows;
}

/** Keeps every differing row and fills up to `max` with the others, in tree order. */
export function capRows(rows: readonly LayoutRow[], max = MAX_LAYOUT_ROWS): { rows: LayoutRow[]; omitted: number } {
  if (rows.length <= max) return { rows: [...rows], omitted: 0 };
  let room = Math.max(0, max - rows.filter((r) => r.differs.length > 0).length);
  const kept = rows.filter((r) => r.differs.length > 0 || room-- > 0);
  return { rows: kept, omitted: rows.length - kept.length };
}

/** `${id}@${occurrence}` -> differing fields, from the layout divergences at one step. */
export function differingFields(divergences: readonly StoredDivergence[], step: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of divergences) {
    if (d.kind !== 'layout' || d.step !== step) continue;
    for (const x of d.differences) {
      const key = `${x.id}@${x.occurrence}`;
      out.set(key, [...(out.get(key) ?? []), x.field]);
    }
  }
  return out;
}

function cropDiff(runDir: string, diffPath: string | undefined, x: number, y: number, width: number, height: number, store: ImageStore): ImageRef | undefined {
  if (!diffPath) return undefined;
  try {
    const bytes = readRunFile(runDir, diffPath);
    if (!bytes) return undefined;
    const full = decodePng(bytes);
    if (x + width > full.width || y + height > full.height) return undefined;
    const data = new Uint8Array(width * height * 4);
    for (let row = 0; row < height; row++) {
      const from = ((y + row) * full.width + x) * 4;
      data.set(full.data.subarray(from, from + width * 4), row * width * 4);
    }
    return store.addPng(encodeRgba({ width, height, data }));
  } catch {
    return undefined;
  }
}

/** Full-resolution crops of the first frame divergence at the evidence step. */
function detailCrop(runDir: string, c: CaseResult, ev: CaseEvidence, store: ImageStore): DetailCrop | undefined {
  const d = c.divergences.find((x) => x.kind === 'frame' && x.step === ev.step && x.artifacts?.reference && x.artifacts.candidate);
  if (!d || d.kind !== 'frame' || !d.bbox || !d.artifacts?.reference || !d.artifacts.candidate) return undefined;
  const read = (p: string) => readRunFile(runDir, p);
  const refBytes = read(d.artifacts.reference);
  const candBytes = read(d.artifacts.candidate);
  if (!refBytes || !candBytes) return undefined;
  const reference = store.addPng(refBytes);
  const candidate = store.addPng(candBytes);
  if (!reference || !candidate || Math.max(reference.width, reference.height) > MAX_SIDE * 2) return undefined;
  const x = Math.max(0, d.bbox.x - CROP_MARGIN);
  const y = Math.max(0, d.bbox.y - CROP_MARGIN);
  const diff = cropDiff(runDir, ev.diff ?? d.artifacts.diff, x, y, reference.width, reference.height, store);
  return { x, y, reference, candidate, ...(diff ? { diff } : {}) };
}

export function evidenceView(runDir: string, c: CaseResult, store: ImageStore): { evidence: EvidenceView; rows: LayoutRow[]; omitted: number } | undefined {
  const ev = c.evidence;
  if (!ev) return undefined;
  const refBoxes = readBoxes(runDir, ev.reference.layout);
  const candBoxes = readBoxes(runDir, ev.candidate.layout);
  const differing = differingFields(c.divergences, ev.step);
  const { rows, omitted } = capRows(layoutRows(refBoxes, candBoxes, differing));
  const highlight = [...new Set([...differing.keys()].map((k) => Number(k.split('@')[0])))].sort((a, b) => a - b);

  const refused = store.refused;
  const refFrame = ev.reference.frame ? store.addFrameFile(runDir, ev.reference.frame) : undefined;
  const candFrame = ev.candidate.frame ? store.addFrameFile(runDir, ev.candidate.frame) : undefined;
  const diff = ev.diff ? store.addFrameFile(runDir, ev.diff) : undefined;
  const frameDiv = c.divergences.find((d) => d.kind === 'frame' && d.step === ev.step);
  const root = refBoxes.find((b) => b.id === 0);
  const width = frameDiv?.kind === 'frame' ? frameDiv.width : refFrame ? Math.round(refFrame.width / refFrame.scale) : Number(root?.width) || 0;
  const height = frameDiv?.kind === 'frame' ? frameDiv.height : refFrame ? Math.round(refFrame.height / refFrame.scale) : Number(root?.height) || 0;
  const downscaled = [refFrame, candFrame].some((f) => f && f.scale < 1);
  const detail = downscaled ? detailCrop(runDir, c, ev, store) : undefined;
  const lost = store.refused > refused;
  const evidence: EvidenceView = {
    checkpoint: ev.checkpoint,
    step: ev.step,
    width,
    height,
    reference: refFrame ? { frame: refFrame } : {},
    candidate: candFrame ? { frame: candFrame } : {},
    ...(diff ? { diff } : {}),
    ...(detail ? { detail } : {}),
    highlight,
    ...(lost ? { omitted: `some images were left out to keep the report small: see ${join(runDir, 'cases')}` } : {}),
  };
  return { evidence, rows, omitted };
}
