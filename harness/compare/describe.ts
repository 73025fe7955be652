/**
 * The one place that turns a Divergence into words: a one-line summary and detail
 * lines. Reporters (console, HTML, JUnit) print these; nothing else writes prose.
 */
import type { EngineEvent } from '../../engines/shared/observation.ts';
import type {
  CheckpointId,
  Divergence,
  EventDivergence,
  EventEdit,
  FrameDivergence,
  LayoutDivergence,
  LayoutFieldDifference,
  LayoutValue,
  ResolvedFuzzy,
} from './types.ts';

export interface Description {
  readonly summary: string;
  readonly details: readonly string[];
}

export function describeDivergence(d: Divergence): Description {
  const { summary, details } = describeKind(d);
  return { summary, details: [...details, `fingerprint ${d.fingerprint} (${d.signature})`] };
}

function describeKind(d: Divergence): Description {
  switch (d.kind) {
    case 'frame':
      return describeFrame(d);
    case 'layout':
      return describeLayout(d);
    case 'events':
      return describeEvents(d);
    case 'checkpoints':
      return {
        summary: `checkpoints differ from #${d.index}: reference reached ${d.reference.length}, candidate ${d.candidate.length}`,
        details: [`reference: ${listCheckpoints(d.reference)}`, `candidate: ${listCheckpoints(d.candidate)}`],
      };
    case 'crash':
      return { summary: `${d.engine} engine crashed${failedAt(d)}: ${d.message.split('\n')[0]}`, details: d.message.split('\n').slice(1) };
    case 'timeout':
      return { summary: `${d.engine} engine timed out after ${d.ms} ms${failedAt(d)}`, details: [] };
  }
}

function describeFrame(d: FrameDivergence): Description {
  if (d.sizeMismatch) {
    const { reference: r, candidate: c } = d.sizeMismatch;
    return { summary: `${at(d)}: frame size differs: reference ${r.width}x${r.height}, candidate ${c.width}x${c.height}`, details: [] };
  }
  const box = d.bbox ? `, in box x=${d.bbox.x} y=${d.bbox.y} w=${d.bbox.width} h=${d.bbox.height}` : '';
  const summary =
    `${at(d)}: ${plural(d.pixels, 'pixel')} ${d.pixels === 1 ? 'differs' : 'differ'} (${percent(d.ratio)}), ` +
    `max channel diff ${d.maxChannelDiff}${box}`;
  const details: string[] = [];
  if (d.threshold && d.perceptualPixels !== undefined) {
    const aa = d.threshold.includeAA ? 'anti-aliasing counted' : 'anti-aliasing ignored';
    details.push(`pixelmatch (threshold ${d.threshold.threshold}, ${aa}) counts ${plural(d.perceptualPixels, 'pixel')}`);
  }
  if (d.fuzzy) details.push(`not covered by the fuzzy allowance ${fuzzyText(d.fuzzy)}`);
  if (d.diffImage) details.push(`diff image ${d.diffImage.width}x${d.diffImage.height} attached`);
  return { summary, details };
}

function describeLayout(d: LayoutDivergence): Description {
  const nodes = new Set(d.differences.map((x) => `${x.id}@${x.occurrence}`)).size;
  const tolerance = d.tolerance > 0 ? ` (tolerance ${d.tolerance})` : '';
  const first = d.differences[0];
  return {
    summary: `${at(d)}: layout differs in ${plural(d.differences.length, 'field')} on ${plural(nodes, 'node')}${tolerance}, first ${layoutLine(first)}`,
    details: d.differences.map(layoutLine),
  };
}

/** `#3 box.width: reference 20, candidate 21`, `#7 missing in candidate`, ... */
export function layoutLine(x: LayoutFieldDifference): string {
  const node = x.path.split(' ')[0];
  switch (x.field) {
    case 'node':
      return x.candidate === 'missing' ? `${node} missing in candidate` : `${node} only in candidate`;
    case 'order':
      return `${node} order: reference position ${x.reference}, candidate position ${x.candidate}`;
    case 'text.lines':
      return `${node} text.lines: reference ${linesText(x.reference)}, candidate ${linesText(x.candidate)}`;
    default:
      return `${x.path}: reference ${value(x.reference)}, candidate ${value(x.candidate)}`;
  }
}

function describeEvents(d: EventDivergence): Description {
  const count = (op: EventEdit['op']) => d.edits.filter((e) => e.op === op).length;
  const parts = [
    [count('delete'), 'missing in candidate'],
    [count('insert'), 'only in candidate'],
    [count('change'), 'changed'],
  ]
    .filter(([n]) => n)
    .map(([n, what]) => `${n} ${what}`);
  return {
    summary: `${at(d)}: events differ: ${parts.join(', ')} (reference ${plural(d.referenceCount, 'event')}, candidate ${d.candidateCount})`,
    details: d.edits.map(editLine),
  };
}

/** `missing in candidate: [1] step 4 error unknown-node #5`, ... */
export function editLine(e: EventEdit): string {
  if (e.op === 'delete') return `missing in candidate: [${e.index}] ${eventText(e.reference)}`;
  if (e.op === 'insert') return `only in candidate: [${e.candidateIndex}] ${eventText(e.candidate)}`;
  return `changed at [${e.index}]: reference ${eventText(e.reference)}, candidate ${eventText(e.candidate)}`;
}

/** `step 4 error unknown-node #5 "detail"` */
export function eventText(e: EngineEvent | undefined): string {
  if (!e) return '(none)';
  return `step ${e.step} ${e.kind} ${e.code} #${e.id}${e.detail ? ` ${JSON.stringify(e.detail)}` : ''}`;
}

/** `0.06%`; tiny non-zero ratios are not rounded down to a reassuring 0.00%. */
export function percent(ratio: number): string {
  const p = ratio * 100;
  if (p > 0 && p < 0.01) return '<0.01%';
  return `${Number(p.toFixed(2))}%`;
}

function fuzzyText(f: ResolvedFuzzy): string {
  return `maxDifference ${f.maxDifference.join('-')}, totalPixels ${f.totalPixels.join('-')} (${f.reason})`;
}

function at(d: { checkpoint: string; step: number }): string {
  return `${d.checkpoint ? `checkpoint ${JSON.stringify(d.checkpoint)}` : 'unnamed checkpoint'} (step ${d.step})`;
}

function failedAt(d: { checkpoint: string; step: number }): string {
  const step = d.step >= 0 ? ` at step ${d.step}` : '';
  const after = d.checkpoint ? ` (after checkpoint ${JSON.stringify(d.checkpoint)})` : '';
  return step + after;
}

function listCheckpoints(ids: readonly CheckpointId[]): string {
  if (ids.length === 0) return '(none)';
  return ids.map((c) => `${c.checkpoint ? JSON.stringify(c.checkpoint) : '(unnamed)'}@${c.step}`).join(', ');
}

function value(v: LayoutValue): string {
  return v === null ? '(none)' : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function linesText(v: LayoutValue): string {
  return v === null ? 'not text' : plural(Number(v), 'line');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
