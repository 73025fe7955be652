import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { FontAtlas } from '../../engines/shared/assets.ts';
import { buildFontAtlas } from '../../harness/assets/buildFontAtlas.ts';
import { loadFont } from '../../harness/assets/loadFont.ts';
import { FONT_JSON_PATH, FONT_PNG_PATH, GLYPHS_PATH } from '../../harness/assets/paths.ts';

/** The glyph of `char` as rows of '#'/'.', spacing column and row included. */
function cellText(font: FontAtlas, index: number): string[] {
  const { cellWidth: w, cellHeight: h } = font;
  const rows: string[] = [];
  for (let y = 0; y < h; y++) {
    let row = '';
    for (let x = 0; x < w; x++) row += font.coverage[index * w * h + y * w + x] > 0 ? '#' : '.';
    rows.push(row);
  }
  return rows;
}

describe('font atlas', () => {
  const font = loadFont();
  const indexOf = (char: string) => char.charCodeAt(0) - font.firstCode;

  it('is regenerated from glyphs.txt byte for byte (run scripts/make-font-atlas.ts after editing glyphs)', () => {
    const built = buildFontAtlas(readFileSync(GLYPHS_PATH, 'utf8'));
    expect(Buffer.from(built.png).equals(readFileSync(FONT_PNG_PATH)), 'atlas-6x8.png is stale').to.equal(true);
    expect(readFileSync(FONT_JSON_PATH, 'utf8')).to.equal(built.json);
  });

  it('has 95 printable ASCII glyphs plus a fallback, in 6x8 cells from code 32', () => {
    expect(font).to.include({ cellWidth: 6, cellHeight: 8, firstCode: 32, glyphCount: 96, fallbackIndex: 95 });
    expect(font.coverage).to.be.instanceOf(Uint8Array).with.length(96 * 6 * 8);
  });

  it('stores coverage as 0 or 255 only (a 1-bit font)', () => {
    expect(new Set(font.coverage)).to.deep.equal(new Set([0, 255]));
  });

  it("draws 'A' inside its 5x7 glyph area and leaves the spacing column and row empty", () => {
    expect(cellText(font, indexOf('A'))).to.deep.equal([
      '.###..',
      '#...#.',
      '#...#.',
      '#...#.',
      '#####.',
      '#...#.',
      '#...#.',
      '......',
    ]);
  });

  it('leaves the spacing column and row of every glyph empty', () => {
    for (let index = 0; index < font.glyphCount; index++) {
      const rows = cellText(font, index);
      expect(rows[7], `bottom row of glyph ${index}`).to.equal('......');
      expect(rows.map((r) => r[5]).join(''), `right column of glyph ${index}`).to.equal('........');
    }
  });

  it('draws space as empty and every other printable character as something', () => {
    expect(cellText(font, indexOf(' ')).join('')).to.not.include('#');
    for (let code = 33; code <= 126; code++) {
      expect(cellText(font, code - 32).join(''), String.fromCharCode(code)).to.include('#');
    }
  });

  it('draws the fallback as a hollow 5x7 box', () => {
    expect(cellText(font, font.fallbackIndex)).to.deep.equal([
      '#####.',
      '#...#.',
      '#...#.',
      '#...#.',
      '#...#.',
      '#...#.',
      '#####.',
      '......',
    ]);
  });

  it('gives every printable character a distinct glyph', () => {
    const seen = new Map<string, string>();
    for (let code = 32; code <= 126; code++) {
      const key = cellText(font, code - 32).join('/');
      expect(seen.get(key), `${String.fromCharCode(code)} looks like ${seen.get(key)}`).to.equal(undefined);
      seen.set(key, String.fromCharCode(code));
    }
  });
});
