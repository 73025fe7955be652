/**
 * One test per catalogued quirk (engines/shared/quirks.ts), asserting the legacy behaviour.
 */
import { expect } from 'chai';
import { QUIRK_IDS } from '../../../engines/shared/quirks.ts';
import type { Rgba } from './helpers.ts';
import {
  BLACK, BLUE, RED, RING, abs, animate, append, box, codes, create, destroy, focus, image, key, node, pixel, redRow,
  remove, renderer, run, set, text, tick, view,
} from './helpers.ts';

const GREEN: Rgba = [0, 255, 0, 255];
const WHITE: Rgba = [255, 255, 255, 255];

const tested = new Set<string>();
function quirk(id: string, title: string, fn: () => void): void {
  tested.add(id);
  it(`${id}: ${title}`, fn);
}

describe('legacy-js quirks', () => {
  quirk('coord-int32-truncation', 'snaps edges with |0: truncation toward zero and int32 wrap-around', () => {
    // A box at x = 2^32 wraps to pixel 0.
    const wrapped = run([...abs(1, 4294967296, 0, 3, 1, { background: 'red' })], { width: 5, height: 1 });
    expect(redRow(wrapped, 0)).to.deep.equal([255, 255, 255, 0, 0]);
    // An image at x = -1.5: left edge truncates to -1 (floor would give -2), which shifts sampling.
    const strip = image([[RED, GREEN, BLUE, WHITE]]);
    const obs = run([...node(1, 'image', { src: 's', position: 'absolute', x: -1.5, width: 4, height: 1 })], { width: 4, height: 1, images: { s: strip } });
    expect(pixel(obs, 0, 0)).to.deep.equal(GREEN); // floor would sample BLUE
  });

  quirk('round-half-up', 'centres with Math.round, so -2.5 becomes -2', () => {
    const obs = run([
      ...view(1, { direction: 'row', width: 10, height: 5, justify: 'center' }),
      ...view(2, { width: 15 }, 1),
    ], { width: 20 });
    expect(box(obs, 2).x).to.equal(-2); // round half away from zero would give -3
  });

  quirk('blend-truncation', 'truncates the blended channel instead of rounding', () => {
    // 1 * 128 / 255 = 0.502: truncated to 0 (rounding gives 1)
    const obs = run([...abs(1, 0, 0, 2, 2, { background: '#01010180' })]);
    expect(pixel(obs, 0, 0)).to.deep.equal([0, 0, 0, 255]);
  });

  quirk('zindex-string-sort', 'sorts siblings by zIndex as strings, after |0', () => {
    const paint = (z1: number | string, z2: number | string) =>
      pixel(run([...abs(1, 0, 0, 2, 2, { background: 'red', zIndex: z1 }), ...abs(2, 0, 0, 2, 2, { background: 'blue', zIndex: z2 })]), 0, 0);
    expect(paint(10, 9)).to.deep.equal(BLUE); // "10" < "9": red paints first, blue on top
    expect(paint(-2, -1)).to.deep.equal(RED); // "-1" < "-2": blue (-1) paints first, red (-2) on top
    expect(paint(2.9, '2px')).to.deep.equal(BLUE); // both coerce to 2: stable, later sibling on top
  });

  quirk('opacity-not-compounded', 'does not pass a parent opacity on to its children', () => {
    const obs = run([...abs(1, 0, 0, 4, 4, { opacity: 0, background: 'white' }), ...abs(2, 0, 0, 2, 2, { background: 'red' }, 1)]);
    expect(pixel(obs, 0, 0)).to.deep.equal(RED);
    expect(pixel(obs, 3, 3)).to.deep.equal(BLACK);
  });

  quirk('clip-ignores-radius', 'clips children to the rectangle even when the box is rounded', () => {
    const obs = run([...abs(1, 0, 0, 10, 10, { radius: 5, clip: true }), ...abs(2, 0, 0, 10, 10, { background: 'red' }, 1)]);
    expect(pixel(obs, 0, 0)).to.deep.equal(RED);
  });

  quirk('parsefloat-units', 'reads numeric strings with parseFloat', () => {
    const obs = run([
      create(1), set(1, 'position', 'absolute'), set(1, 'width', '12px'), set(1, 'height', ' 7'), set(1, 'x', '1e1'), set(1, 'y', '2.5em'),
      set(1, 'margin', 'abc'), set(1, 'padding', 'Infinity'), append(0, 1),
    ], { width: 40 });
    expect(box(obs, 1)).to.include({ x: 10, y: 2.5, width: 12, height: 7 });
    expect(obs.events.map((e) => [e.code, e.detail])).to.deep.equal([['bad-value', 'margin']]);
  });

  quirk('short-hex-color', 'parses #rgb as #00000rgb-style integer, "#abc" = rgb(0, 10, 188)', () => {
    expect(pixel(run([...abs(1, 0, 0, 2, 2, { background: '#abc' })]), 0, 0)).to.deep.equal([0, 10, 188, 255]);
  });

  quirk('ellipsis-splits-surrogate', 'cuts a surrogate pair when making room for "..."', () => {
    const obs = run([...view(1, { width: 10 }), ...text(2, { text: 'a\u{1F600} bb', fontSize: 2, maxLines: 1, ellipsis: true }, 1)], { width: 12 });
    expect(box(obs, 2).lines).to.deep.equal(['a\uD83D...']);
    // the lone high surrogate draws the fallback glyph (diagonal): (2,0) lit, (3,0) dark
    expect(redRow(obs, 0).slice(0, 4)).to.deep.equal([255, 255, 255, 0]);
  });

  quirk('glyph-per-code-unit', 'gives each UTF-16 code unit an advance and a glyph', () => {
    const obs = run([set(0, 'align', 'start'), ...text(1, { text: '\u{1F600}e\u0301', fontSize: 2 })], { width: 10, height: 2 });
    expect(box(obs, 1).width).to.equal(8); // 4 code units x advance 2
    // two fallback glyphs (diagonal), then 'e', then the combining mark's fallback
    expect(redRow(obs, 0)).to.deep.equal([255, 0, 255, 0, 255, 255, 255, 0, 0, 0]);
    expect(redRow(obs, 1)).to.deep.equal([0, 255, 0, 255, 255, 255, 0, 255, 0, 0]);
  });

  quirk('double-append', 'keeps a node under its old parent when appended elsewhere', () => {
    const r = renderer();
    r.apply([
      ...abs(1, 0, 0, 10, 4),
      ...abs(2, 0, 10, 10, 4),
      ...abs(3, 0, 0, 2, 2, { background: 'red' }, 1),
      append(2, 3),
    ]);
    let obs = r.snapshot();
    expect(obs.layout.map((e) => e.id)).to.deep.equal([0, 1, 3, 2, 3]);
    expect(pixel(obs, 0, 0)).to.deep.equal(RED);
    expect(pixel(obs, 0, 10)).to.deep.equal(RED);
    // destroy acts through the parent pointer (2); 1 keeps a stale id, skipped...
    r.apply([destroy(3)]);
    expect(r.snapshot().layout.map((e) => e.id)).to.deep.equal([0, 1, 2]);
    // ...until the id is created again
    r.apply([create(3)]);
    obs = r.snapshot();
    expect(obs.layout.map((e) => e.id)).to.deep.equal([0, 1, 3, 2]);
    expect(obs.events).to.deep.equal([]);
  });

  quirk('maxlines-zero-unlimited', 'treats maxLines 0 as unlimited', () => {
    const obs = run([...view(1, { width: 6 }), ...text(2, { text: 'ab cd ef', fontSize: 2, maxLines: 0, ellipsis: true }, 1)], { width: 10 });
    expect(box(obs, 2).lines).to.deep.equal(['ab', 'cd', 'ef']);
  });

  quirk('grow-remainder-dropped', 'floors each grow share and loses the remainder', () => {
    const obs = run([
      ...view(1, { direction: 'row', width: 100, height: 2 }),
      ...view(2, { width: 10, grow: 1 }, 1),
      ...view(3, { width: 10, grow: 2, background: 'red' }, 1),
    ], { width: 100, height: 2 });
    // free 80: floor(26.67) = 26 and floor(53.33) = 53
    expect([box(obs, 2).width, box(obs, 3).x, box(obs, 3).width]).to.deep.equal([36, 36, 63]);
    expect(pixel(obs, 98, 0)).to.deep.equal(RED);
    expect(pixel(obs, 99, 0)).to.deep.equal(BLACK);
  });

  quirk('percent-of-border-box', 'resolves percentages against the parent border box, padding included', () => {
    const obs = run([...view(1, { width: 100, height: 40, padding: 10 }), ...view(2, { width: '50%', height: '50%' }, 1)], { width: 100, height: 50 });
    expect(box(obs, 2)).to.include({ x: 10, y: 10, width: 50, height: 20 });
  });

  quirk('focus-survives-destroy', 'leaves focus on a destroyed or detached node', () => {
    const r = renderer({ width: 40, height: 20 });
    r.apply([
      ...abs(1, 0, 5, 5, 5, { focusable: true }),
      ...abs(2, 15, 5, 5, 5, { focusable: true }),
      ...abs(3, 30, 5, 5, 5, { focusable: true }),
      focus(2),
    ]);
    expect(pixel(r.snapshot(), 14, 5)).to.deep.equal(RING);
    r.apply([remove(0, 2)]);
    let obs = r.snapshot();
    expect(obs.events).to.deep.equal([]);
    expect(pixel(obs, 14, 5)).to.deep.equal(BLACK); // no ring: not painted
    r.apply([destroy(2)]);
    expect(r.snapshot().events).to.deep.equal([]);
    r.apply([key('right')]); // from the last laid-out box of 2
    obs = r.snapshot();
    expect(obs.events.map((e) => [e.code, e.id, e.detail])).to.deep.equal([['focus-changed', 3, '2']]);
  });

  quirk('focus-considers-hidden', 'lets key navigation land on invisible nodes', () => {
    const obs = run([
      ...abs(1, 0, 0, 5, 5, { focusable: true }),
      ...abs(2, 10, 0, 5, 5, { focusable: true, visible: false }),
      ...abs(3, 20, 0, 5, 5, { focusable: true }),
      focus(1),
      key('right'),
    ], { width: 30, height: 10 });
    expect(obs.events.map((e) => e.id)).to.deep.equal([1, 2]);
    expect(pixel(obs, 9, 0)).to.deep.equal(BLACK); // and no ring, since it is not painted
  });

  quirk('visible-string-truthy', 'coerces visible with !!, so "false" means visible', () => {
    const shown = (value: string | number | null) => pixel(run([...abs(1, 0, 0, 2, 2, { background: 'red', visible: value })]), 0, 0);
    expect(shown('false')).to.deep.equal(RED);
    expect(shown('no')).to.deep.equal(RED);
    expect(shown(0)).to.deep.equal(BLACK);
    expect(shown('')).to.deep.equal(BLACK);
    expect(shown(null)).to.deep.equal(BLACK);
  });

  quirk('anim-time-accumulation', 'sums elapsed time in floats, so 60 ticks of 1000/60 ms fall short of 1000 ms', () => {
    // (3 ticks of 1000/3 happen to sum to exactly 1000 in IEEE doubles; 60 frames at 60 fps do not:
    // they sum to 999.9999999999991.)
    const r = renderer({ width: 120, height: 2 });
    r.apply([...abs(1, 0, 0, 2, 2, { background: 'red' }), animate(1, 'x', 100, 1000)]);
    for (let i = 0; i < 60; i++) r.apply([tick(1000 / 60)]);
    let obs = r.snapshot();
    expect(codes(obs.events)).to.deep.equal([]);
    expect(box(obs, 1).x).to.equal(99.99999999999991);
    expect(pixel(obs, 99, 0)).to.deep.equal(RED); // snapped to 99, not 100
    expect(pixel(obs, 101, 0)).to.deep.equal(BLACK);
    r.apply([tick(0)]);
    expect(r.snapshot().events).to.deep.equal([]);
    r.apply([tick(1)]);
    obs = r.snapshot();
    expect(codes(obs.events)).to.deep.equal(['animation-end']);
    expect(box(obs, 1).x).to.equal(100);
  });

  it('has a test for every catalogued quirk', () => {
    expect([...tested].sort()).to.deep.equal([...QUIRK_IDS].sort());
  });
});
