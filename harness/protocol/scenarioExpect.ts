/**
 * The `expect` list: assertions on the reference engine's observations, one kind per
 * entry (pixel, box, lines, event, noEvent), each at a named checkpoint.
 */
import { EVENT_CODES, EVENT_KINDS } from '../../engines/shared/observation.ts';
import { CAPS } from '../../engines/shared/protocol.ts';
import { finiteNumber, integerIn, listOf, oneOf, stringCheck } from './checks.ts';
import { describeFound } from './describe.ts';
import { MapReader } from './scenarioReader.ts';
import type { IssueList } from './scenarioReader.ts';
import { EXPECTATION_KINDS } from './scenarioTypes.ts';
import type { EventMatch, Expectation, ExpectationKind, Rgba } from './scenarioTypes.ts';

const coordinate = integerIn(0, CAPS.maxViewportSide - 1);
const nodeId = integerIn(0, CAPS.maxNodeId);
const channel = integerIn(0, 255);
const rgbaShape = (v: unknown): string | null => (Array.isArray(v) && v.length === 4 ? null : 'a list [r, g, b, a] of integers 0..255');
const EVENT_FIELDS = ['kind', 'code', 'id', 'detail', 'step'];

function readPixel(m: MapReader, checkpoint: string): Expectation | undefined {
  m.rejectUnknown(['x', 'y', 'rgba']);
  const x = m.read<number>('x', coordinate);
  const y = m.read<number>('y', coordinate);
  const rgba = m.read<unknown[]>('rgba', rgbaShape);
  const badChannels = (rgba ?? []).map((c, i) => [i, c] as const).filter(([, c]) => channel(c) !== null);
  for (const [i, c] of badChannels) m.issue(['rgba', i], 'an integer 0..255', describeFound(c));
  if (badChannels.length > 0) return undefined;
  if (x === undefined || y === undefined || rgba === undefined) return undefined;
  return { kind: 'pixel', checkpoint, x, y, rgba: [...rgba] as unknown as Rgba };
}

function readBox(m: MapReader, checkpoint: string): Expectation | undefined {
  m.rejectUnknown(['id', 'x', 'y', 'width', 'height']);
  const id = m.read<number>('id', nodeId);
  const sides: Record<string, number> = {};
  for (const key of ['x', 'y', 'width', 'height']) {
    const v = m.read<number>(key, finiteNumber, true);
    if (v !== undefined) sides[key] = v;
  }
  return id === undefined ? undefined : { kind: 'box', checkpoint, id, ...sides };
}

function readLines(m: MapReader, checkpoint: string): Expectation | undefined {
  m.rejectUnknown(['id', 'equals']);
  const id = m.read<number>('id', nodeId);
  const equals = m.read<string[]>('equals', listOf(stringCheck(), 'strings', CAPS.maxStringLength));
  return id === undefined || equals === undefined ? undefined : { kind: 'lines', checkpoint, id, equals: [...equals] };
}

function readEventMatch(m: MapReader): EventMatch | undefined {
  m.rejectUnknown(EVENT_FIELDS);
  if (!EVENT_FIELDS.some((k) => m.has(k))) {
    m.issue([], `at least one of ${EVENT_FIELDS.join(', ')}`, 'an empty map');
    return undefined;
  }
  const match: Record<string, unknown> = {};
  const checks = { kind: oneOf(EVENT_KINDS), code: oneOf(EVENT_CODES), id: integerIn(-1, CAPS.maxNodeId), detail: stringCheck(), step: integerIn(0, CAPS.maxSteps - 1) };
  let ok = true;
  for (const [key, check] of Object.entries(checks)) {
    if (!m.has(key)) continue;
    const v = m.read(key, check);
    if (v === undefined) ok = false;
    else match[key] = v;
  }
  return ok ? (match as EventMatch) : undefined;
}

function readBody(kind: ExpectationKind, m: MapReader, checkpoint: string): Expectation | undefined {
  switch (kind) {
    case 'pixel': return readPixel(m, checkpoint);
    case 'box': return readBox(m, checkpoint);
    case 'lines': return readLines(m, checkpoint);
    case 'event':
    case 'noEvent': {
      const event = readEventMatch(m);
      return event === undefined ? undefined : { kind, checkpoint, event };
    }
  }
}

function readOne(issues: IssueList, raw: unknown, index: number): Expectation | undefined {
  const base = { issues, path: ['expect', index], field: [] };
  const first = MapReader.open({ ...base, label: `expect ${index}` }, raw, `a map { checkpoint, ${EXPECTATION_KINDS.join(' | ')} }`);
  if (!first) return undefined;
  const kinds = EXPECTATION_KINDS.filter((k) => first.has(k));
  if (kinds.length !== 1) {
    first.issue([], `exactly one of ${EXPECTATION_KINDS.join(', ')} beside checkpoint`, kinds.length === 0 ? 'none' : kinds.join(' and '));
    return undefined;
  }
  const kind = kinds[0];
  const item = MapReader.open({ ...base, label: `expect ${index} (${kind})` }, raw, 'a map')!;
  item.rejectUnknown(['checkpoint', kind]);
  const checkpoint = item.read<string>('checkpoint', stringCheck());
  const body = item.child(kind, `a map of ${kind} fields`);
  const value = body ? readBody(kind, body, checkpoint ?? '') : undefined;
  return checkpoint === undefined ? undefined : value;
}

/** Reads `expect` (optional) and checks each checkpoint names a frame step in `frameNames`, when given. */
export function readExpectations(top: MapReader, issues: IssueList, frameNames: ReadonlySet<string> | null): Expectation[] {
  if (!top.has('expect') || top.map.expect === null) return [];
  const raw = top.map.expect;
  if (!Array.isArray(raw)) {
    top.issue(['expect'], 'a list of expectations', describeFound(raw));
    return [];
  }
  const out: Expectation[] = [];
  raw.forEach((item, index) => {
    const e = readOne(issues, item, index);
    if (e === undefined) return;
    if (frameNames && !frameNames.has(e.checkpoint)) {
      const names = [...frameNames].map((n) => JSON.stringify(n)).join(', ') || 'none: add a step `- frame: { name: NAME }`';
      issues.add({ path: ['expect', index, 'checkpoint'], label: `expect ${index} (${e.kind})`, field: ['checkpoint'], expected: `the name of a frame step (${names})`, found: describeFound(e.checkpoint) });
      return;
    }
    out.push(e);
  });
  return out;
}
