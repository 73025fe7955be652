/**
 * Divergence identity: the name every decision is taken on (new vs known, waivers,
 * regression files, trend). Two divergences share an identity when they have
 *   1. the same engine pair            `legacy-js/wasm`
 *   2. the same symptom                the comparator's signature: kind and coarse path,
 *                                      e.g. `layout:box.width`, `frame:pixels/text`
 *   3. the same id-free location       node types from the site's parent down to its node,
 *                                      e.g. `view>text`, `@1` for a second appearance
 *   4. the same class of difference    layout: sign and size of the change (`+1`, `-2..4`)
 *   5. the same cause                  layout and frame: the commands it needs, as shapes
 *                                      (`set padding + set background`; harness/run/ablate.ts);
 *                                      the others: the command after which it first shows
 *                                      (`key left`, an event's own command; ./localize.ts)
 * and so the same bug found by two streams (other ids, other positions, other values)
 * gets one identity while two bugs showing the same symptom are told apart by what
 * triggers them. bench:triage measures both (merged and split) on a corpus of known
 * causes (scripts/bench-triage.ts).
 */
import type { Command } from '../../engines/shared/protocol.ts';
import { hash12 } from './fingerprint.ts';
import { mostCausal } from './signatures.ts';
import type { Divergence, DivergenceCause, LayoutValue } from './types.ts';

export interface IdentityContext {
  /** `<reference>/<candidate>` (./identity.ts pairName). */
  readonly pair: string;
  /** The stream the divergence came from: node ids are mapped to types with it. */
  readonly steps: readonly Command[];
  readonly cause: DivergenceCause;
}

/** A divergence with its identity in `fingerprint`/`signature`, its symptom in `group`. */
export function identified<D extends Divergence>(d: D, ctx: IdentityContext): D {
  const readable = `${ctx.pair} ${symptomOf(d, ctx.steps)} ${causeText(ctx.cause)}`;
  return { ...d, fingerprint: hash12(readable), signature: readable, group: d.group ?? d.signature, cause: ctx.cause };
}

/** Parts 2-4 of the identity: symptom, location and class of difference, known without rerunning anything. */
export function symptomOf(d: Divergence, steps: readonly Command[]): string {
  const location = locationOf(d, steps, d.step < 0 ? steps.length : d.step);
  const difference = differenceClass(d);
  return `${d.group ?? d.signature}${location ? ` at ${location}` : ''}${difference ? ` (${difference})` : ''}`;
}

/** The cause as identity reads it: what it needs when that is known, else where it first shows. */
export function causeText(cause: DivergenceCause): string {
  return cause.needs && cause.needs.length > 0 ? `needs ${cause.needs.join(' + ')}` : `after ${cause.command}`;
}

/**
 * Where an engine runs does not change what it is: the bundled engines in a worker thread
 * (`wasm-worker`) or in a browser page (`wasm (chromium)`) get the engine's own name.
 */
export function engineName(name: string): string {
  return name.replace(/ \(chromium\)$/, '').replace(/^(legacy-js|wasm)-worker$/, '$1');
}

export function pairName(reference: string, candidate: string): string {
  return `${engineName(reference)}/${engineName(candidate)}`;
}

/** What a command does, without ids or values. */
export function commandShape(c: Command | undefined): string {
  if (c === undefined) return 'start';
  switch (c.op) {
    case 'set':
    case 'animate': return `${c.op} ${c.prop}`;
    case 'key': return `key ${c.key}`;
    case 'create': return `create ${c.type}`;
    default: return c.op;
  }
}

/** Node id -> type as the stream left them just after step `until` (a destroyed id is forgotten). */
export function nodeTypes(steps: readonly Command[], until: number): Map<number, string> {
  const types = new Map<number, string>([[0, 'root']]);
  for (let i = 0; i <= until && i < steps.length; i++) {
    const c = steps[i];
    if (c.op === 'create' && !types.has(c.id)) types.set(c.id, String(c.type));
    else if (c.op === 'destroy' && c.id !== 0) types.delete(c.id);
  }
  return types;
}

function locationOf(d: Divergence, steps: readonly Command[], until: number): string {
  if (!d.site) return '';
  const types = nodeTypes(steps, until);
  const typeOf = (id: number) => types.get(id) ?? 'node';
  const chain = d.site.chain.slice(-2).map(typeOf);
  const where = chain.length === 0 ? 'viewport' : chain.join('>');
  return d.site.occurrence ? `${where}@${d.site.occurrence}` : where;
}

function differenceClass(d: Divergence): string {
  if (d.kind !== 'layout') return '';
  const m = mostCausal(d.differences);
  if (!m) return '';
  // a text line: how its length changed (a cut inside a surrogate pair vs wider glyphs)
  if (typeof m.reference === 'string' && typeof m.candidate === 'string' && m.field.startsWith('text.lines[')) {
    const change = valueChange(m.reference.length, m.candidate.length);
    return change === '' || m.reference.length === m.candidate.length ? 'same length' : `length ${change}`;
  }
  return valueChange(m.reference, m.candidate);
}

/** How a value changed: the sign and size of a numeric change, else its kind. */
export function valueChange(reference: LayoutValue, candidate: LayoutValue): string {
  if (typeof reference !== 'number' || typeof candidate !== 'number') {
    return reference === null || candidate === null ? `${reference === null ? 'none' : 'some'}>${candidate === null ? 'none' : 'some'}` : '';
  }
  if (!Number.isFinite(reference) || !Number.isFinite(candidate)) return `${reference}>${candidate}`;
  const delta = candidate - reference;
  const size = Math.abs(delta);
  const sign = delta > 0 ? '+' : '-';
  if (size < 1) return `${sign}<1`;
  if (size === 1) return `${sign}1`;
  if (size <= 4) return `${sign}2..4`;
  if (size <= 16) return `${sign}5..16`;
  return `${sign}>16`;
}
