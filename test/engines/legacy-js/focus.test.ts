import { expect } from 'chai';
import type { Command } from '../../../engines/shared/protocol.ts';
import { BLACK, RED, RING, abs, codes, destroy, focus, key, pixel, renderer, run, set } from './helpers.ts';

/** Three focusable 10x10 boxes in a row at x 0, 20, 40 (ids 1, 2, 3). */
const row: Command[] = [
  ...abs(1, 0, 20, 10, 10, { focusable: true }),
  ...abs(2, 20, 20, 10, 10, { focusable: true }),
  ...abs(3, 40, 20, 10, 10, { focusable: true }),
];

describe('legacy-js focus', () => {
  it('focuses a focusable node and reports the previous focus', () => {
    // row is 24 commands (each abs node: create, 6 sets, append), so the focus commands are steps 24..26
    const obs = run([...row, focus(1), focus(2), focus(2)], { width: 60, height: 40 });
    expect(obs.events.map((e) => [e.code, e.kind, e.id, e.detail, e.step])).to.deep.equal([
      ['focus-changed', 'focus', 1, '-1', 24],
      ['focus-changed', 'focus', 2, '1', 25],
    ]);
  });

  it('draws a 2px #ffcc00 ring just outside the focused box', () => {
    const obs = run([...abs(1, 10, 10, 10, 10, { focusable: true, background: 'red' }), focus(1)], { width: 30, height: 30 });
    expect(pixel(obs, 8, 8)).to.deep.equal(RING);
    expect(pixel(obs, 9, 15)).to.deep.equal(RING);
    expect(pixel(obs, 21, 21)).to.deep.equal(RING);
    expect(pixel(obs, 7, 7)).to.deep.equal(BLACK);
    expect(pixel(obs, 22, 15)).to.deep.equal(BLACK);
    expect(pixel(obs, 10, 10)).to.deep.equal(RED);
  });

  it('draws the ring over later siblings and outside clipping ancestors', () => {
    const obs = run([
      ...abs(5, 0, 0, 30, 30, { clip: true }),
      ...abs(1, 0, 0, 10, 10, { focusable: true }, 5),
      ...abs(2, 0, 0, 30, 30, { background: 'red' }),
      focus(1),
    ], { width: 30, height: 30 });
    expect(pixel(obs, 11, 5)).to.deep.equal(RING);
  });

  it('moves focus to the nearest focusable node in the key direction', () => {
    const r = renderer({ width: 60, height: 40 });
    r.apply([...row, focus(1), key('right')]);
    expect(r.snapshot().events.map((e) => [e.id, e.detail])).to.deep.equal([[1, '-1'], [2, '1']]);
    r.apply([key('right'), key('left'), key('left')]);
    expect(r.snapshot().events.map((e) => [e.id, e.detail])).to.deep.equal([[3, '2'], [2, '3'], [1, '2']]);
  });

  it('does nothing when no candidate lies in the direction, or for enter', () => {
    const obs = run([...row, focus(1), key('left'), key('up'), key('down'), key('enter')], { width: 60, height: 40 });
    expect(codes(obs.events)).to.deep.equal(['focus-changed']);
  });

  it('scores primary distance x 1000 plus secondary distance', () => {
    // from centre (5, 5): node 2 at centre (25, 35) scores 20*1000+30, node 3 at (35, 5) 30*1000
    const obs = run([
      ...abs(1, 0, 0, 10, 10, { focusable: true }),
      ...abs(2, 20, 30, 10, 10, { focusable: true }),
      ...abs(3, 30, 0, 10, 10, { focusable: true }),
      focus(1),
      key('right'),
    ], { width: 60, height: 60 });
    expect(obs.events[1].id).to.equal(2);
  });

  it('breaks score ties by paint-tree order', () => {
    const obs = run([
      ...abs(1, 0, 20, 10, 10, { focusable: true }),
      ...abs(3, 20, 40, 10, 10, { focusable: true }),
      ...abs(2, 20, 0, 10, 10, { focusable: true }),
      focus(1),
      key('right'),
    ], { width: 60, height: 60 });
    expect(obs.events[1].id).to.equal(3);
  });

  it('focuses the first focusable node in paint-tree order when nothing is focused', () => {
    const obs = run([...abs(9, 0, 0, 5, 5), ...row, key('down')], { width: 60, height: 40 });
    expect(obs.events.map((e) => [e.code, e.id, e.detail])).to.deep.equal([['focus-changed', 1, '-1']]);
  });

  it('rejects focus on unknown and non-focusable nodes', () => {
    const obs = run([...abs(1, 0, 0, 5, 5), focus(1), focus(7), set(1, 'focusable', true), focus(1)]);
    expect(obs.events.map((e) => [e.code, e.id])).to.deep.equal([['not-focusable', 1], ['unknown-node', 7], ['focus-changed', 1]]);
  });

  it('does not draw the ring of a focused node that is not attached', () => {
    const obs = run([...abs(1, 4, 4, 5, 5, { focusable: true }), { op: 'remove', parent: 0, child: 1 }, focus(1)]);
    expect(pixel(obs, 3, 3)).to.deep.equal(BLACK);
  });

  it('keeps focus on a destroyed node and navigates from its last box', () => {
    const r = renderer({ width: 60, height: 40 });
    r.apply([...row, focus(2)]);
    r.snapshot();
    r.apply([destroy(2)]);
    expect(r.snapshot().events).to.deep.equal([]);
    r.apply([key('right')]);
    expect(r.snapshot().events.map((e) => [e.id, e.detail])).to.deep.equal([[3, '2']]);
  });
});
