import { expect } from 'chai';
import { compareObservations } from '../../../harness/compare/compareObservations.ts';
import { describeDivergence, percent } from '../../../harness/compare/describe.ts';
import { engineCrash, engineTimeout } from '../../../harness/compare/engineFailure.ts';
import type { Divergence } from '../../../harness/compare/types.ts';
import { box, event, observation, paint, solidFrame } from './fixtures.ts';

/** The one divergence of a single-checkpoint pair. */
function only(ref: Parameters<typeof observation>[2], cand: Parameters<typeof observation>[2], opts = {}): Divergence {
  const found = compareObservations([observation('after', 12, ref)], [observation('after', 12, cand)], opts);
  expect(found).to.have.length(1);
  return found[0];
}

describe('describeDivergence', () => {
  const white = solidFrame(320, 180, [255, 255, 255, 255]);

  it('summarises a frame difference with count, ratio, max channel diff and box', () => {
    const cand = paint(paint(white, 10, 4, 6, 6, [0, 0, 0, 255]), 10, 10, 1, 2, [0, 0, 0, 255]);
    const d = only({ frame: white }, { frame: cand });
    const { summary, details } = describeDivergence(d);
    expect(summary).to.equal(
      'checkpoint "after" (step 12): 38 pixels differ (0.07%), max channel diff 255, in box x=10 y=4 w=6 h=8',
    );
    expect(details).to.deep.equal([`fingerprint ${d.fingerprint} (frame:pixels/new-colours)`]);
  });

  it('says "1 pixel differs" and does not round a tiny ratio down to zero', () => {
    const cand = paint(solidFrame(1280, 720), 0, 0, 1, 1, [0, 0, 0, 255]);
    const { summary } = describeDivergence(only({ frame: solidFrame(1280, 720) }, { frame: cand }));
    expect(summary).to.contain(': 1 pixel differs (<0.01%)');
  });

  it('names both sizes when frame sizes differ', () => {
    const { summary } = describeDivergence(only({ frame: white }, { frame: solidFrame(320, 181) }));
    expect(summary).to.equal('checkpoint "after" (step 12): frame size differs: reference 320x180, candidate 320x181');
  });

  it('explains the perceptual count and the fuzzy allowance that did not cover a frame difference', () => {
    const cand = paint(white, 0, 0, 2, 1, [0, 0, 0, 255]);
    const opts = { frame: { threshold: 0.1, includeAA: false, fuzzy: { maxDifference: 3, totalPixels: 10, reason: 'AA on corners' } } };
    const { details } = describeDivergence(only({ frame: white }, { frame: cand }, opts));
    expect(details.slice(0, 2)).to.deep.equal([
      'pixelmatch (threshold 0.1, anti-aliasing ignored) counts 2 pixels',
      'not covered by the fuzzy allowance maxDifference 0-3, totalPixels 0-10 (AA on corners)',
    ]);
  });

  it('lists layout differences by path, one per line', () => {
    const ref = [box(1, 1, 0, 0, 100, 100), box(3, 2, 0, 0, 20, 10), box(7, 2, 0, 10, 40, 20, ['Hello', 'world'])];
    const cand = [box(1, 1, 0, 0, 100, 100), box(3, 2, 0, 0, 21, 10), box(5, 2, 0, 10, 40, 20, ['Hello', 'wor…'])];
    const { summary, details } = describeDivergence(only({ layout: ref }, { layout: cand }));
    expect(summary).to.equal(
      'checkpoint "after" (step 12): layout differs in 3 fields on 3 nodes, first #3 box.width: reference 20, candidate 21',
    );
    expect(details.slice(0, -1)).to.deep.equal([
      '#3 box.width: reference 20, candidate 21',
      '#5 only in candidate',
      '#7 missing in candidate',
    ]);
  });

  it('quotes text lines and says when a line is absent', () => {
    const ref = [box(7, 1, 0, 0, 40, 20, ['Hello', 'world'])];
    const cand = [box(7, 1, 0, 0, 40, 20, ['Hello', 'wor…', 'x'])];
    const { details } = describeDivergence(only({ layout: ref }, { layout: cand }));
    expect(details.slice(0, -1)).to.deep.equal([
      '#7 text.lines.length: reference 2, candidate 3',
      '#7 text.lines[1]: reference "world", candidate "wor…"',
      '#7 text.lines[2]: reference (none), candidate "x"',
    ]);
  });

  it('lists event edits with their positions and fields', () => {
    const [a, b, c, e] = [event(3, 'unknown-node', 9), event(4, 'cycle', 1), event(5, 'focus-changed', 2, '-1'), event(6, 'not-focusable', 8)];
    const f = event(7, 'animation-end', 3, 'x');
    const { summary, details } = describeDivergence(only({ events: [a, b, c, e] }, { events: [b, { ...c, id: 4 }, e, f] }));
    expect(summary).to.equal(
      'checkpoint "after" (step 12): events differ: 1 missing in candidate, 1 only in candidate, 1 changed (reference 4 events, candidate 4)',
    );
    expect(details.slice(0, -1)).to.deep.equal([
      'missing in candidate: [0] step 3 error unknown-node #9',
      'changed at [2]: reference step 5 focus focus-changed #2 "-1", candidate step 5 focus focus-changed #4 "-1"',
      'only in candidate: [3] step 7 animation animation-end #3 "x"',
    ]);
  });

  it('names reached checkpoints when they do not line up', () => {
    const found = compareObservations([observation('', 1), observation('end', 9)], [observation('', 1)]);
    const { summary, details } = describeDivergence(found[0]);
    expect(summary).to.equal('checkpoints differ from #1: reference reached 2, candidate 1');
    expect(details.slice(0, 2)).to.deep.equal(['reference: (unnamed)@1, "end"@9', 'candidate: (unnamed)@1']);
  });

  it('says which engine crashed or timed out, where', () => {
    const crash = engineCrash('candidate', new Error('unreachable\nat wasm-function[12]'), { checkpoint: 'after', step: 7 });
    expect(describeDivergence(crash).summary).to.equal(
      'candidate engine crashed at step 7 (after checkpoint "after"): Error: unreachable',
    );
    expect(describeDivergence(crash).details[0]).to.equal('at wasm-function[12]');
    expect(describeDivergence(engineTimeout('reference', 5000)).summary).to.equal('reference engine timed out after 5000 ms');
  });
});

describe('percent', () => {
  it('keeps two decimals and marks tiny non-zero ratios', () => {
    expect(percent(37 / 57600)).to.equal('0.06%');
    expect(percent(0)).to.equal('0%');
    expect(percent(1)).to.equal('100%');
    expect(percent(1 / 921600)).to.equal('<0.01%');
  });
});
