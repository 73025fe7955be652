/**
 * A scenario's `expect:` assertions, checked against one engine's observations (the
 * reference's, normally). Each failure says which expectation (file:line), what was
 * expected and what was found.
 */
import type { EngineEvent, Observation } from '../../engines/shared/observation.ts';
import type { EventMatch, Expectation, Scenario } from '../protocol/scenarioTypes.ts';
import { relative } from 'node:path';

export interface ExpectationFailure {
  readonly line: number;
  readonly message: string;
}

function matches(e: EngineEvent, m: EventMatch): boolean {
  return (m.kind === undefined || e.kind === m.kind) && (m.code === undefined || e.code === m.code) &&
    (m.id === undefined || e.id === m.id) && (m.detail === undefined || e.detail === m.detail) && (m.step === undefined || e.step === m.step);
}

const show = (v: unknown) => JSON.stringify(v);

function check(x: Expectation, o: Observation): string | null {
  switch (x.kind) {
    case 'pixel': {
      if (!o.frame) return 'expected a frame, got none (layout-only engine)';
      const { width, height, data } = o.frame;
      if (x.x >= width || x.y >= height) return `pixel (${x.x},${x.y}) is outside the ${width}x${height} frame`;
      const i = (x.y * width + x.x) * 4;
      const got = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      return got.every((v, k) => v === x.rgba[k]) ? null : `pixel (${x.x},${x.y}): expected rgba ${show(x.rgba)}, got ${show(got)}`;
    }
    case 'box': {
      const entry = o.layout.find((e) => e.id === x.id);
      if (!entry) return `box #${x.id}: expected the node in the layout tree, got no such node`;
      for (const f of ['x', 'y', 'width', 'height'] as const) {
        if (x[f] !== undefined && entry[f] !== x[f]) return `box #${x.id} ${f}: expected ${x[f]}, got ${entry[f]}`;
      }
      return null;
    }
    case 'lines': {
      const entry = o.layout.find((e) => e.id === x.id);
      if (!entry) return `lines #${x.id}: expected the node in the layout tree, got no such node`;
      const got = entry.lines ?? null;
      return got !== null && got.length === x.equals.length && got.every((l, i) => l === x.equals[i]) ? null : `lines #${x.id}: expected ${show(x.equals)}, got ${show(got)}`;
    }
    case 'event':
      return o.events.some((e) => matches(e, x.event)) ? null : `expected an event matching ${show(x.event)}, got ${show(o.events)}`;
    case 'noEvent': {
      const hit = o.events.find((e) => matches(e, x.event));
      return hit ? `expected no event matching ${show(x.event)}, got ${show(hit)}` : null;
    }
  }
}

export function checkExpectations(scenario: Scenario, observations: readonly Observation[], cwd = process.cwd()): ExpectationFailure[] {
  const failures: ExpectationFailure[] = [];
  const file = relative(cwd, scenario.file);
  scenario.expect.forEach((x, i) => {
    const line = scenario.expectLines[i];
    const o = observations.find((ob) => ob.checkpoint === x.checkpoint);
    const problem = o ? check(x, o) : `checkpoint "${x.checkpoint}" was never reached`;
    if (problem) failures.push({ line, message: `${file}:${line}: checkpoint "${x.checkpoint}": ${problem}` });
  });
  return failures;
}
