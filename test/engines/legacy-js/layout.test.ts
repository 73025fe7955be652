import { expect } from 'chai';
import { abs, box, image, node, rect, run, set, text, view } from './helpers.ts';

describe('legacy-js layout', () => {
  it('makes the root the viewport', () => {
    const obs = run([], { width: 30, height: 20 });
    expect(obs.layout).to.deep.equal([{ id: 0, depth: 0, x: 0, y: 0, width: 30, height: 20 }]);
  });

  it('stacks column children with padding, margin and gap, stretched across', () => {
    const obs = run([
      ...view(1, { width: 50, height: 60, padding: 5, gap: 2 }),
      ...view(2, { height: 10, margin: 1 }, 1),
      ...view(3, { height: 10 }, 1),
    ], { width: 100, height: 100 });
    expect(rect(box(obs, 1))).to.deep.equal([0, 0, 50, 60]);
    expect(rect(box(obs, 2))).to.deep.equal([6, 6, 38, 10]);
    // 5 (padding) + 1 + 10 + 1 (margins) + 2 (gap)
    expect(rect(box(obs, 3))).to.deep.equal([5, 19, 40, 10]);
  });

  it('places row children left to right and stretches their height', () => {
    const obs = run([
      ...view(1, { direction: 'row', width: 100, height: 20, gap: 4 }),
      ...view(2, { width: 10 }, 1),
      ...view(3, { width: 15 }, 1),
    ], { width: 100, height: 100 });
    expect(rect(box(obs, 2))).to.deep.equal([0, 0, 10, 20]);
    expect(rect(box(obs, 3))).to.deep.equal([14, 0, 15, 20]);
  });

  it('shares free main-axis space by grow', () => {
    const obs = run([
      ...view(1, { direction: 'row', width: 100, height: 20 }),
      ...view(2, { width: 10, grow: 1 }, 1),
      ...view(3, { width: 10, grow: 3 }, 1),
    ], { width: 100, height: 100 });
    expect(rect(box(obs, 2))).to.deep.equal([0, 0, 30, 20]);
    expect(rect(box(obs, 3))).to.deep.equal([30, 0, 70, 20]);
  });

  it('aligns children on the cross axis: start, center, end', () => {
    const cmds = (align: string) => [
      ...view(1, { direction: 'row', width: 100, height: 20, align }),
      ...view(2, { width: 10, height: 5 }, 1),
    ];
    expect(box(run(cmds('start'), { width: 100 }), 2).y).to.equal(0);
    expect(box(run(cmds('center'), { width: 100 }), 2).y).to.equal(8); // round(7.5)
    expect(box(run(cmds('end'), { width: 100 }), 2).y).to.equal(15);
  });

  it('justifies children on the main axis: center, end, space-between', () => {
    const xs = (justify: string) => {
      const obs = run([
        ...view(1, { direction: 'row', width: 100, height: 20, justify }),
        ...view(2, { width: 10 }, 1),
        ...view(3, { width: 10 }, 1),
      ], { width: 100 });
      return [box(obs, 2).x, box(obs, 3).x];
    };
    expect(xs('start')).to.deep.equal([0, 10]);
    expect(xs('center')).to.deep.equal([40, 50]);
    expect(xs('end')).to.deep.equal([80, 90]);
    expect(xs('space-between')).to.deep.equal([0, 90]);
  });

  it('resolves percentages against the parent', () => {
    const obs = run([...view(1, { width: '50%', height: '25%' })], { width: 200, height: 100 });
    expect(rect(box(obs, 1))).to.deep.equal([0, 0, 100, 25]);
  });

  it('sizes an auto view to its content: sum on the main axis, max across', () => {
    const obs = run([
      set(0, 'align', 'start'),
      ...view(1, { direction: 'row', padding: 2, gap: 3 }),
      ...view(2, { width: 10, height: 5 }, 1),
      ...view(3, { width: 20, height: 8 }, 1),
    ], { width: 100, height: 100 });
    expect(rect(box(obs, 1))).to.deep.equal([0, 0, 37, 12]);
  });

  it('sizes an auto text to one line of glyphs', () => {
    // synthetic atlas: 2x2 cells; fontSize 4 -> scale 2, advance 4, line height 5
    const obs = run([set(0, 'align', 'start'), ...text(1, { text: 'abc', fontSize: 4 })], { width: 100 });
    expect(rect(box(obs, 1))).to.deep.equal([0, 0, 12, 5]);
    expect(box(obs, 1).lines).to.deep.equal(['abc']);
  });

  it('wraps a stretched text at its parent width and grows its height', () => {
    const obs = run([...view(1, { width: 6 }), ...text(2, { text: 'ab cd', fontSize: 2 }, 1)], { width: 100 });
    expect(box(obs, 2).lines).to.deep.equal(['ab', 'cd']);
    expect(rect(box(obs, 2))).to.deep.equal([0, 0, 6, 5]);
    expect(box(obs, 1).height).to.equal(5);
  });

  it('sizes an auto image to its intrinsic size plus padding', () => {
    const px = [255, 0, 0, 255] as [number, number, number, number];
    const img = image([[px, px, px], [px, px, px]]);
    const obs = run([set(0, 'align', 'start'), ...node(1, 'image', { src: 'i', padding: 1 })], { images: { i: img } });
    expect(rect(box(obs, 1))).to.deep.equal([0, 0, 5, 4]);
  });

  it('places an absolute child at the content origin plus x, y, out of flow', () => {
    const obs = run([
      set(0, 'padding', 4),
      ...abs(1, 10, 20, 5, 5),
      ...view(2, { height: 3 }),
    ], { width: 50, height: 50 });
    expect(rect(box(obs, 1))).to.deep.equal([14, 24, 5, 5]);
    expect(rect(box(obs, 2))).to.deep.equal([4, 4, 42, 3]);
  });

  it('translates a relative node and its subtree by x, y after layout', () => {
    const obs = run([
      ...view(1, { height: 10, x: 3, y: 4 }),
      ...view(2, { height: 2 }, 1),
      ...view(3, { height: 5 }),
    ], { width: 20, height: 20 });
    expect(rect(box(obs, 1))).to.deep.equal([3, 4, 20, 10]);
    expect(rect(box(obs, 2))).to.deep.equal([3, 4, 20, 2]);
    expect(rect(box(obs, 3))).to.deep.equal([0, 10, 20, 5]); // siblings do not move
  });

  it('lists boxes depth first in child order, not zIndex order, including invisible nodes', () => {
    const obs = run([
      ...view(1, { height: 5, zIndex: 5 }),
      ...view(2, { height: 5, visible: false }, 1),
      ...view(3, { height: 5 }),
    ]);
    expect(obs.layout.map((e) => [e.id, e.depth])).to.deep.equal([[0, 0], [1, 1], [2, 2], [3, 1]]);
    expect(box(obs, 3).y).to.equal(5);
  });

  it('reports boxes in floating point before snapping', () => {
    const obs = run([...abs(1, 1.25, 2.5, 3.75, 1)]);
    expect(rect(box(obs, 1))).to.deep.equal([1.25, 2.5, 3.75, 1]);
  });

  it('survives a cycle made through double-append by cutting the tree at the depth limit', () => {
    const obs = run([
      ...view(1, {}),
      ...view(2, {}, 1),
      ...view(3, {}, 2),
      { op: 'append', parent: 0, child: 2 }, // 2 now under 1 and root, parent pointer = root
      { op: 'append', parent: 2, child: 1 }, // allowed by parent pointers: 1 -> 0
    ]);
    expect(obs.layout.length).to.be.greaterThan(10);
    expect(Math.max(...obs.layout.map((e) => e.depth))).to.equal(64);
  });
});
