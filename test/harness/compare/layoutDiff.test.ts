import { expect } from 'chai';
import { diffLayout } from '../../../harness/compare/layoutDiff.ts';
import { box } from './fixtures.ts';

const paths = (d: { path: string }[]) => d.map((x) => x.path);

describe('diffLayout', () => {
  const tree = [box(0, 0, 0, 0, 320, 180), box(3, 1, 10, 10, 20, 10), box(7, 1, 30, 10, 50, 20, ['Hello', 'world'])];

  it('finds identical trees equal', () => {
    expect(diffLayout(tree, tree.map((e) => ({ ...e })))).to.deep.equal([]);
  });

  it('reports a width change as `#3 box.width` with both values', () => {
    const cand = [tree[0], { ...tree[1], width: 21 }, tree[2]];
    expect(diffLayout(tree, cand)).to.deep.equal([
      { path: '#3 box.width', id: 3, occurrence: 0, field: 'box.width', reference: 20, candidate: 21 },
    ]);
  });

  it('reports a node missing in the candidate and one only in the candidate', () => {
    const cand = [tree[0], tree[1], box(9, 1, 0, 0, 1, 1)];
    const diffs = diffLayout(tree, cand);
    expect(diffs.map((d) => [d.path, d.reference, d.candidate])).to.deep.equal([
      ['#7 node', 'present', 'missing'],
      ['#9 node', 'missing', 'present'],
    ]);
  });

  it('aligns a node that appears twice by occurrence and names the second one `#7@1`', () => {
    const twice = [...tree, box(7, 2, 30, 40, 50, 20, ['Hello', 'world'])];
    const cand = [...tree, box(7, 2, 31, 40, 50, 20, ['Hello', 'world'])];
    expect(paths(diffLayout(twice, cand))).to.deep.equal(['#7@1 box.x']);
    expect(paths(diffLayout(twice, tree))).to.deep.equal(['#7@1 node']);
  });

  it('reports a changed text line as `#7 text.lines[1]`', () => {
    const cand = [tree[0], tree[1], { ...tree[2], lines: ['Hello', 'wor…'] }];
    expect(diffLayout(tree, cand)).to.deep.include({
      path: '#7 text.lines[1]', id: 7, occurrence: 0, field: 'text.lines[1]', reference: 'world', candidate: 'wor…',
    });
  });

  it('reports a different line count, and each line present on one side only', () => {
    const cand = [tree[0], tree[1], { ...tree[2], lines: ['Hello'] }];
    expect(diffLayout(tree, cand).map((d) => [d.path, d.reference, d.candidate])).to.deep.equal([
      ['#7 text.lines.length', 2, 1],
      ['#7 text.lines[1]', 'world', null],
    ]);
  });

  it('reports a node laid out as text on one side only', () => {
    const cand = [tree[0], { ...tree[1], lines: ['x'] }, tree[2]];
    expect(diffLayout(tree, cand).map((d) => [d.path, d.reference, d.candidate])).to.deep.equal([
      ['#3 text.lines', null, 1],
    ]);
  });

  it('reports a changed depth', () => {
    const cand = [tree[0], tree[1], { ...tree[2], depth: 2 }];
    expect(paths(diffLayout(tree, cand))).to.deep.equal(['#7 depth']);
  });

  it('reports only the node that moved, not the ones it moved past', () => {
    const ref = [1, 2, 3, 4].map((id) => box(id, 1, 0, 0, 1, 1));
    const cand = [ref[1], ref[2], ref[3], ref[0]];
    expect(diffLayout(ref, cand)).to.deep.equal([
      { path: '#1 order', id: 1, occurrence: 0, field: 'order', reference: 0, candidate: 3 },
    ]);
  });

  it('is exact by default and ignores box differences within the tolerance', () => {
    const cand = [tree[0], { ...tree[1], x: 10.0001, y: 10.5 }, tree[2]];
    expect(paths(diffLayout(tree, cand))).to.deep.equal(['#3 box.x', '#3 box.y']);
    expect(paths(diffLayout(tree, cand, { tolerance: 0.5 }))).to.deep.equal([]);
    expect(paths(diffLayout(tree, cand, { tolerance: 0.25 }))).to.deep.equal(['#3 box.y']);
  });

  it('treats NaN on both sides as equal and NaN on one side as a difference', () => {
    const nan = [{ ...tree[1], width: NaN }];
    expect(diffLayout(nan, nan)).to.deep.equal([]);
    expect(paths(diffLayout(nan, [tree[1]]))).to.deep.equal(['#3 box.width']);
  });

  it('sorts by node id, occurrence, then field, whatever the tree order', () => {
    const ref = [box(9, 0, 0, 0, 1, 1), box(2, 0, 0, 0, 1, 1, ['a', 'b']), box(2, 0, 0, 0, 1, 1)];
    const cand = [box(9, 0, 1, 1, 2, 2), box(2, 0, 0, 0, 1, 2, ['a', 'c']), box(2, 0, 0, 5, 1, 1)];
    expect(paths(diffLayout(ref, cand))).to.deep.equal([
      '#2 box.height',
      '#2 text.lines[1]',
      '#2@1 box.y',
      '#9 box.x',
      '#9 box.y',
      '#9 box.width',
      '#9 box.height',
    ]);
  });

  it('rejects a negative tolerance', () => {
    expect(() => diffLayout(tree, tree, { tolerance: -1 })).to.throw('expected a finite number >= 0, got -1');
  });
});
