import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { GLYPHS_PATH } from '../../harness/assets/paths.ts';
import { parseGlyphs } from '../../harness/assets/parseGlyphs.ts';

describe('parseGlyphs', () => {
  const source = readFileSync(GLYPHS_PATH, 'utf8');

  it('reads the committed glyphs.txt: 95 glyphs then the fallback', () => {
    const { glyphs, fallbackIndex } = parseGlyphs(source);
    expect(glyphs).to.have.length(96);
    expect(fallbackIndex).to.equal(95);
  });

  it('names the line and the expectation when a row is too wide', () => {
    const broken = source.replace('code 65 A\n.###.', 'code 65 A\n.###..');
    expect(() => parseGlyphs(broken)).to.throw(/glyphs\.txt:\d+: expected 5 pixels in a row, got 6/);
  });

  it('rejects a header whose label does not match its code', () => {
    const broken = source.replace('code 65 A', 'code 65 B');
    expect(() => parseGlyphs(broken)).to.throw(/expected code 65 to be labelled "A", got "B"/);
  });

  it('rejects a source that misses a glyph', () => {
    const broken = source.replace(/code 66 B\n([#.]+\n){7}/, '');
    expect(() => parseGlyphs(broken)).to.throw(/expected a glyph for code 66/);
  });

  it('rejects a glyph with too few rows', () => {
    const broken = source.replace(/(code 67 C\n)[#.]+\n/, '$1');
    expect(() => parseGlyphs(broken)).to.throw(/expected 7 rows for glyph 67, got 6/);
  });
});
