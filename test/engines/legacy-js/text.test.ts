import { expect } from 'chai';
import { layoutTextLines, wrapText } from '../../../engines/legacy-js/text.ts';
import { SceneNode } from '../../../engines/legacy-js/node.ts';
import { BLACK, WHITE, box, pixel, redRow, run, set, syntheticAtlas, text, view } from './helpers.ts';

/** A text node laid out in a parent exactly `width` wide (fontSize 2: advance 2, line 2.5). */
function lines(value: string, width: number, props: Record<string, string | number | boolean | null> = {}): readonly string[] {
  const obs = run([...view(1, { width }), ...text(2, { text: value, fontSize: 2, ...props }, 1)], { width: 40 });
  return box(obs, 2).lines!;
}

describe('legacy-js text', () => {
  it('draws one scaled atlas cell per glyph in the text colour', () => {
    const obs = run([set(0, 'align', 'start'), ...text(1, { text: 'AB', fontSize: 2 })], { width: 6, height: 3 });
    expect(redRow(obs, 0)).to.deep.equal([255, 255, 255, 255, 0, 0]);
    expect(redRow(obs, 1)).to.deep.equal([255, 255, 255, 255, 0, 0]);
    expect(redRow(obs, 2)).to.deep.equal([0, 0, 0, 0, 0, 0]);
  });

  it('scales glyphs by nearest-neighbour sampling', () => {
    // '|' covers the left column of its 2x2 cell; at fontSize 4 the cell is 4x4
    const obs = run([set(0, 'align', 'start'), ...text(1, { text: '|', fontSize: 4, color: '#00ff00' })], { width: 5, height: 5 });
    for (let y = 0; y < 4; y++) expect(redRow(obs, y).map((_, x) => pixel(obs, x, y)[1])).to.deep.equal([255, 255, 0, 0, 0]);
  });

  it('blends partial glyph coverage with the colour alpha', () => {
    // '.' has coverage 128: alpha 128*255/255 = 128 -> 255*128/255 = 128 over black
    const obs = run([set(0, 'align', 'start'), ...text(1, { text: '.', fontSize: 2 })]);
    expect(pixel(obs, 0, 0)).to.deep.equal([128, 128, 128, 255]);
  });

  it('draws the fallback glyph for codes outside the atlas', () => {
    const obs = run([set(0, 'align', 'start'), ...text(1, { text: '\u00e9', fontSize: 2 })]);
    expect(pixel(obs, 0, 0)).to.deep.equal(WHITE);
    expect(pixel(obs, 1, 0)).to.deep.equal(BLACK);
    expect(pixel(obs, 0, 1)).to.deep.equal(BLACK);
    expect(pixel(obs, 1, 1)).to.deep.equal(WHITE);
  });

  it('wraps on spaces when a line would exceed the width', () => {
    expect(lines('ab cd ef', 6)).to.deep.equal(['ab', 'cd', 'ef']);
    expect(lines('ab c de', 8)).to.deep.equal(['ab c', 'de']);
  });

  it('breaks a word longer than the line by characters', () => {
    expect(lines('abcdefgh', 6)).to.deep.equal(['abc', 'def', 'gh']);
    expect(lines('x abcdefgh', 6)).to.deep.equal(['x', 'abc', 'def', 'gh']);
  });

  it('keeps at most maxLines lines', () => {
    expect(lines('ab cd ef', 6, { maxLines: 2 })).to.deep.equal(['ab', 'cd']);
    expect(lines('ab cd ef', 6, { maxLines: null })).to.deep.equal(['ab', 'cd', 'ef']);
  });

  it('ends a truncated last line with "..." cut to fit', () => {
    expect(lines('aaaa bbbb cccc', 10, { maxLines: 2, ellipsis: true })).to.deep.equal(['aaaa', 'bb...']);
    // not truncated: no ellipsis
    expect(lines('aaaa bbbb', 10, { maxLines: 2, ellipsis: true })).to.deep.equal(['aaaa', 'bbbb']);
  });

  it('lays out lines at lineHeight intervals (1.25 x fontSize by default)', () => {
    const obs = run([...view(1, { width: 8 }), ...text(2, { text: 'ab cd', fontSize: 4, lineHeight: 0 }, 1)], { width: 10, height: 12 });
    expect(box(obs, 2).height).to.equal(10);
    expect(pixel(obs, 0, 4)).to.deep.equal(BLACK); // the gap row between line 0 (y 0..3) and line 1 (y 5..8)
    expect(pixel(obs, 0, 5)).to.deep.equal(WHITE);
    const tall = run([...view(1, { width: 8 }), ...text(2, { text: 'ab cd', fontSize: 4, lineHeight: 7 }, 1)], { width: 10, height: 12 });
    expect(box(tall, 2).height).to.equal(14);
  });

  it('aligns each line left, center or right in the content box', () => {
    const row = (textAlign: string) => redRow(run([...text(1, { text: 'ab', fontSize: 2, textAlign, width: 10 })], { width: 10, height: 2 }), 0);
    expect(row('left')).to.deep.equal([255, 255, 255, 255, 0, 0, 0, 0, 0, 0]);
    expect(row('center')).to.deep.equal([0, 0, 0, 255, 255, 255, 255, 0, 0, 0]);
    expect(row('right')).to.deep.equal([0, 0, 0, 0, 0, 0, 255, 255, 255, 255]);
  });

  it('draws text inside the padding', () => {
    const obs = run([set(0, 'align', 'start'), ...text(1, { text: 'a', fontSize: 2, padding: 1 })], { width: 5, height: 5 });
    expect(redRow(obs, 0)).to.deep.equal([0, 0, 0, 0, 0]);
    expect(redRow(obs, 1)).to.deep.equal([0, 255, 255, 0, 0]);
  });

  it('has no lines for empty text', () => {
    const n = new SceneNode(1, 'text');
    expect(layoutTextLines(n, 100, syntheticAtlas())).to.deep.equal([]);
    expect(wrapText('', 10, 2)).to.deep.equal([]);
  });
});
