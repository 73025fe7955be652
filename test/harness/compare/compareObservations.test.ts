import { expect } from 'chai';
import { compareObservations, firstDivergence } from '../../../harness/compare/compareObservations.ts';
import { box, event, observation, paint, solidFrame } from './fixtures.ts';

const frame = solidFrame(8, 8, [0, 0, 0, 255]);
const layout = [box(0, 0, 0, 0, 8, 8), box(1, 1, 2, 2, 4, 4)];
const run = [
  observation('before', 1, { frame, layout }),
  observation('after', 4, { frame, layout, events: [event(3, 'unknown-node', 9)] }),
];

describe('compareObservations', () => {
  it('finds identical runs equal', () => {
    expect(compareObservations(run, run.map((o) => ({ ...o })))).to.deep.equal([]);
    expect(firstDivergence(run, run)).to.equal(null);
  });

  it('reports, per checkpoint, events before layout before frame', () => {
    const cand = [
      run[0],
      observation('after', 4, {
        frame: paint(frame, 2, 2, 1, 1, [255, 0, 0, 255]),
        layout: [layout[0], { ...layout[1], width: 5 }],
        events: [],
      }),
    ];
    const found = compareObservations(run, cand);
    expect(found.map((d) => [d.kind, d.checkpoint, d.step])).to.deep.equal([
      ['events', 'after', 4],
      ['layout', 'after', 4],
      ['frame', 'after', 4],
    ]);
    expect(firstDivergence(run, cand)?.kind).to.equal('events');
  });

  it('skips pixels when either engine produced no frame (layout-only engines)', () => {
    const layoutOnly = run.map((o) => ({ ...o, frame: null }));
    expect(compareObservations(run, layoutOnly)).to.deep.equal([]);
  });

  it('applies frame and layout options', () => {
    const cand = [observation('before', 1, { frame: paint(frame, 0, 0, 1, 1, [1, 0, 0, 255]), layout: [layout[0], { ...layout[1], x: 2.2 }] }), run[1]];
    expect(compareObservations(run, cand).map((d) => d.kind)).to.deep.equal(['layout', 'frame']);
    const opts = {
      layout: { tolerance: 0.5 },
      frame: { fuzzy: { maxDifference: 1, totalPixels: 1, reason: 'test: one faint pixel is fine' } },
    };
    expect(compareObservations(run, cand, opts)).to.deep.equal([]);
  });

  it('rejects a fuzzy allowance without a reason even when nothing differs', () => {
    const opts = { frame: { fuzzy: { maxDifference: 1, totalPixels: 1, reason: '' } } };
    expect(() => compareObservations(run, run, opts)).to.throw(/written reason/);
    expect(() => compareObservations([], [], { layout: { tolerance: -1 } })).to.throw(/tolerance/);
  });

  it('reports a missing checkpoint as a divergence after comparing the ones both reached', () => {
    const found = compareObservations(run, [run[0]]);
    expect(found).to.have.length(1);
    expect(found[0]).to.deep.include({
      kind: 'checkpoints',
      checkpoint: 'after',
      step: 4,
      index: 1,
      signature: 'checkpoints:count',
    });
  });

  it('stops comparing at the first checkpoint whose name or step differs', () => {
    const cand = [observation('start', 1, { frame, layout }), run[1]];
    const found = compareObservations(run, cand);
    expect(found.map((d) => [d.kind, d.signature])).to.deep.equal([['checkpoints', 'checkpoints:identity']]);
  });

  it('folds the caller hint into every fingerprint', () => {
    const cand = [run[0], observation('after', 4, { frame, layout, events: [] })];
    const [d] = compareObservations(run, cand, { hint: 'focus-survives-destroy' });
    expect(d.signature).to.equal('events:delete:unknown-node [focus-survives-destroy]');
  });
});

describe('compareObservations: independent differences stay apart', () => {
  it('makes one frame divergence per node whose pixels differ, each placed on its node', () => {
    const white = solidFrame(40, 20);
    const layout = [box(0, 0, 0, 0, 40, 20), box(1, 1, 0, 0, 10, 10), box(2, 1, 20, 0, 10, 10)];
    const cand = paint(paint(white, 1, 1, 2, 2, [0, 0, 0, 255]), 22, 2, 3, 3, [9, 9, 9, 255]);
    const found = compareObservations([observation('c', 3, { frame: white, layout })], [observation('c', 3, { frame: cand, layout })]);
    expect(found.map((d) => [d.kind, d.site?.chain])).to.deep.equal([['frame', [1]], ['frame', [2]]]);
    expect(found.map((d) => (d.kind === 'frame' ? d.pixels : 0))).to.deep.equal([4, 9]);
  });

  it('keeps areas outside every node apart, and marks colours the other frame has nowhere', () => {
    const red = solidFrame(40, 20, [255, 0, 0, 255]);
    const cand = paint(paint(red, 0, 0, 1, 1, [255, 255, 255, 255]), 30, 10, 1, 1, [1, 2, 3, 255]);
    const found = compareObservations([observation('c', 3, { frame: red, layout: [box(0, 0, 0, 0, 40, 20)] })], [observation('c', 3, { frame: cand, layout: [box(0, 0, 0, 0, 40, 20)] })]);
    expect(found).to.have.length(2);
    expect(found.map((d) => d.signature)).to.deep.equal(['frame:pixels/line/new-colours', 'frame:pixels/line/new-colours']);
    const moved = paint(red, 0, 0, 1, 1, [255, 0, 0, 255]);
    expect(compareObservations([observation('c', 3, { frame: paint(red, 5, 5, 1, 1, [0, 0, 255, 255]) })], [observation('c', 3, { frame: paint(moved, 6, 5, 1, 1, [0, 0, 255, 255]) })])
      .map((d) => d.signature)).to.deep.equal(['frame:pixels/line']);
  });

  it('makes one layout divergence per top-level subtree, in node order', () => {
    const ref = [box(0, 0, 0, 0, 99, 99), box(1, 1, 0, 0, 10, 10), box(4, 2, 0, 0, 5, 5), box(2, 1, 20, 0, 10, 10)];
    const cand = [box(0, 0, 0, 0, 99, 99), box(1, 1, 0, 0, 10, 10), box(4, 2, 0, 0, 6, 5), box(2, 1, 20, 0, 10, 12)];
    const found = compareObservations([observation('c', 3, { layout: ref })], [observation('c', 3, { layout: cand })]);
    expect(found.map((d) => [d.signature, d.site?.chain])).to.deep.equal([['layout:box.height', [2]], ['layout:box.width', [1, 4]]]);
  });
});
