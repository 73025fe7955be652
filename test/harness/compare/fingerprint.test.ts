import { expect } from 'chai';
import { engineCrash } from '../../../harness/compare/engineFailure.ts';
import { diffEvents } from '../../../harness/compare/eventDiff.ts';
import { fingerprintOf, normalizePath } from '../../../harness/compare/fingerprint.ts';
import { diffLayout } from '../../../harness/compare/layoutDiff.ts';
import { eventFingerprint, frameFingerprint, layoutFingerprint } from '../../../harness/compare/signatures.ts';
import { box, event } from './fixtures.ts';

describe('normalizePath', () => {
  it('drops node references and list indices, folds .length and numbers', () => {
    expect(normalizePath('#7 text.lines[1]')).to.equal('text.lines');
    expect(normalizePath('#7@1 text.lines.length')).to.equal('text.lines');
    expect(normalizePath('#3 box.width')).to.equal('box.width');
    expect(normalizePath('candidate:RuntimeError: index 1234 out of bounds\n  at wasm')).to.equal(
      'candidate:RuntimeError: index N out of bounds',
    );
  });
});

describe('fingerprints', () => {
  it('are 12 hex digits of a readable signature', () => {
    const f = fingerprintOf('layout', '#3 box.width', 'round-half-up');
    expect(f.signature).to.equal('layout:box.width [round-half-up]');
    expect(f.fingerprint).to.match(/^[0-9a-f]{12}$/);
  });

  it('are equal for the same layout bug found on different node ids', () => {
    const a = diffLayout([box(3, 1, 0, 0, 20, 10)], [box(3, 1, 0, 0, 21, 10)]);
    const b = diffLayout([box(42, 2, 5, 5, 7, 7)], [box(42, 2, 5, 5, 8, 7)]);
    expect(layoutFingerprint(a)).to.deep.equal(layoutFingerprint(b));
  });

  it('differ for different fields, and for the same field with a different hint', () => {
    const width = diffLayout([box(3, 1, 0, 0, 20, 10)], [box(3, 1, 0, 0, 21, 10)]);
    const height = diffLayout([box(3, 1, 0, 0, 20, 10)], [box(3, 1, 0, 0, 20, 11)]);
    expect(layoutFingerprint(width).fingerprint).to.not.equal(layoutFingerprint(height).fingerprint);
    expect(layoutFingerprint(width, 'a').fingerprint).to.not.equal(layoutFingerprint(width, 'b').fingerprint);
  });

  it('name a layout divergence by its most causal field: a width before the x it shifts', () => {
    const ref = [box(1, 1, 0, 0, 20, 10), box(2, 1, 20, 0, 10, 10)];
    const cand = [box(1, 1, 0, 0, 21, 10), box(2, 1, 21, 0, 10, 10)];
    expect(layoutFingerprint(diffLayout(ref, cand)).signature).to.equal('layout:box.width');
    expect(layoutFingerprint(diffLayout(ref, [cand[0]])).signature).to.equal('layout:node.missing');
  });

  it('group text line bugs whatever the line', () => {
    const a = diffLayout([box(7, 1, 0, 0, 9, 9, ['a', 'b'])], [box(7, 1, 0, 0, 9, 9, ['a', 'c'])]);
    const b = diffLayout([box(8, 1, 0, 0, 9, 9, ['x'])], [box(8, 1, 0, 0, 9, 9, ['y'])]);
    expect(layoutFingerprint(a)).to.deep.equal(layoutFingerprint(b));
  });

  it('separate faint frame differences from whole-pixel ones, and sizes from both', () => {
    const stats = (maxChannelDiff: number) => ({ width: 4, height: 4, pixels: 1, ratio: 1 / 16, maxChannelDiff, bbox: null });
    expect(frameFingerprint(stats(1)).signature).to.equal('frame:pixels/faint');
    expect(frameFingerprint(stats(255)).signature).to.equal('frame:pixels');
    const size = { ...stats(0), sizeMismatch: { reference: { width: 4, height: 4 }, candidate: { width: 4, height: 5 } } };
    expect(frameFingerprint(size).signature).to.equal('frame:size');
  });

  it('say where whole pixels differ: inside a text node, along a one-pixel line, or over an area', () => {
    const at = (x: number, y: number, width: number, height: number) => ({ width: 64, height: 32, pixels: width * height, ratio: 0.1, maxChannelDiff: 255, bbox: { x, y, width, height } });
    const layout = [box(0, 0, 0, 0, 64, 32), box(3, 1, 10, 10, 30, 8, ['hello'])];
    expect(frameFingerprint(at(12, 10, 6, 8), undefined, layout).signature).to.equal('frame:pixels/text');
    expect(frameFingerprint(at(0, 20, 64, 1), undefined, layout).signature).to.equal('frame:pixels/line');
    expect(frameFingerprint(at(0, 20, 20, 10), undefined, layout).signature).to.equal('frame:pixels');
  });

  it('name event divergences by the first edit and its code, not the node id', () => {
    const a = diffEvents([event(1, 'focus-changed', 3, '1')], []);
    const b = diffEvents([event(9, 'focus-changed', 8, '2')], []);
    expect(eventFingerprint(a)).to.deep.equal(eventFingerprint(b));
    expect(eventFingerprint(a).signature).to.equal('events:delete:focus-changed');
    const changed = diffEvents([event(1, 'cycle', 3)], [event(1, 'unknown-node', 3)]);
    expect(eventFingerprint(changed).signature).to.equal('events:change:cycle>unknown-node');
  });

  it('group crashes whose messages differ only in numbers', () => {
    const a = engineCrash('candidate', new RangeError('offset 1024 is out of bounds'), { step: 3 });
    const b = engineCrash('candidate', new RangeError('offset 77 is out of bounds'), { step: 9 });
    expect(a.fingerprint).to.equal(b.fingerprint);
    expect(a.signature).to.equal('crash:candidate:RangeError: offset N is out of bounds');
  });
});
