/**
 * Parses engines/shared/font/glyphs.txt, the hand-drawn source of the host font.
 * The format is described at the top of that file.
 */
export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
export const FIRST_CODE = 32;
export const LAST_CODE = 126;

export interface GlyphSource {
  /** Bitmaps for codes FIRST_CODE..LAST_CODE, then the fallback; each GLYPH_HEIGHT rows of GLYPH_WIDTH booleans. */
  readonly glyphs: readonly (readonly (readonly boolean[])[])[];
  readonly fallbackIndex: number;
}

interface Header { readonly code: number | 'fallback'; readonly line: number }

export function parseGlyphs(text: string, options: { file?: string } = {}): GlyphSource {
  const { file = 'glyphs.txt' } = options;
  const fail = (line: number, problem: string): never => {
    throw new Error(`${file}:${line}: ${problem}`);
  };

  const byCode = new Map<number | 'fallback', boolean[][]>();
  let header: Header | undefined;
  let rows: boolean[][] = [];
  const finish = (line: number) => {
    if (!header) return;
    if (rows.length !== GLYPH_HEIGHT) fail(line, `expected ${GLYPH_HEIGHT} rows for glyph ${header.code}, got ${rows.length}`);
    if (byCode.has(header.code)) fail(header.line, `glyph ${header.code} is drawn twice`);
    byCode.set(header.code, rows);
    header = undefined;
    rows = [];
  };

  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const lineNo = i + 1;
    if (line.trim() === '' || line.startsWith('//')) return;
    if (/^[#.]+$/.test(line)) {
      if (!header) fail(lineNo, 'expected a "code N C" or "fallback" header before glyph rows');
      if (line.length !== GLYPH_WIDTH) fail(lineNo, `expected ${GLYPH_WIDTH} pixels in a row, got ${line.length}`);
      if (rows.length === GLYPH_HEIGHT) fail(lineNo, `expected ${GLYPH_HEIGHT} rows for glyph ${header!.code}, got more`);
      rows.push([...line].map((c) => c === '#'));
      return;
    }
    finish(lineNo);
    if (line === 'fallback') {
      header = { code: 'fallback', line: lineNo };
      return;
    }
    const match = /^code (\d+) (.+)$/.exec(line);
    if (!match) fail(lineNo, `expected "code N C", "fallback", a glyph row of '#'/'.', or a "//" comment, got ${JSON.stringify(line)}`);
    const code = Number(match![1]);
    const label = match![2];
    const expectedLabel = code === 32 ? 'space' : String.fromCharCode(code);
    if (code < FIRST_CODE || code > LAST_CODE) fail(lineNo, `expected a code in ${FIRST_CODE}..${LAST_CODE}, got ${code}`);
    if (label !== expectedLabel) fail(lineNo, `expected code ${code} to be labelled ${JSON.stringify(expectedLabel)}, got ${JSON.stringify(label)}`);
    header = { code, line: lineNo };
  });
  finish(lines.length);

  const glyphs: boolean[][][] = [];
  for (let code = FIRST_CODE; code <= LAST_CODE; code++) {
    const glyph = byCode.get(code);
    if (!glyph) throw new Error(`${file}: expected a glyph for code ${code} (${JSON.stringify(String.fromCharCode(code))}), found none`);
    glyphs.push(glyph);
  }
  const fallback = byCode.get('fallback');
  if (!fallback) throw new Error(`${file}: expected a "fallback" glyph, found none`);
  glyphs.push(fallback);
  return { glyphs, fallbackIndex: glyphs.length - 1 };
}
