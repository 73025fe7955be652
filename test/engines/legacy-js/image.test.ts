import { expect } from 'chai';
import type { Rgba } from './helpers.ts';
import { BLACK, BLUE, RED, WHITE, abs, box, image, pixel, run, set, view, node } from './helpers.ts';

const GREEN: Rgba = [0, 255, 0, 255];
const quad = image([[RED, GREEN], [BLUE, WHITE]]);
const wide = image([[RED, GREEN]]);

function imageBox(props: Record<string, string | number>, w: number, h: number, images: Record<string, ReturnType<typeof image>>) {
  return run([...node(1, 'image', { position: 'absolute', width: w, height: h, ...props })], { width: 8, height: 8, images });
}

describe('legacy-js image', () => {
  it('stretches with fit fill', () => {
    const obs = imageBox({ src: 'q', fit: 'fill' }, 4, 4, { q: quad });
    expect(pixel(obs, 0, 0)).to.deep.equal(RED);
    expect(pixel(obs, 1, 1)).to.deep.equal(RED);
    expect(pixel(obs, 2, 0)).to.deep.equal(GREEN);
    expect(pixel(obs, 0, 2)).to.deep.equal(BLUE);
    expect(pixel(obs, 3, 3)).to.deep.equal(WHITE);
    expect(pixel(obs, 4, 4)).to.deep.equal(BLACK);
  });

  it('letterboxes and centres with fit contain', () => {
    // 2x1 in 4x4: scale 2 -> 4x2, y offset round(2/2) = 1
    const obs = imageBox({ src: 'w', fit: 'contain' }, 4, 4, { w: wide });
    expect(pixel(obs, 0, 0)).to.deep.equal(BLACK);
    expect(pixel(obs, 0, 1)).to.deep.equal(RED);
    expect(pixel(obs, 3, 2)).to.deep.equal(GREEN);
    expect(pixel(obs, 0, 3)).to.deep.equal(BLACK);
  });

  it('crops and centres with fit cover', () => {
    // 2x1 in 4x4: scale 4 -> 8x4 at x -2; visible columns sample red, red, green, green
    const obs = imageBox({ src: 'w', fit: 'cover' }, 4, 4, { w: wide });
    expect([0, 1, 2, 3, 4].map((x) => pixel(obs, x, 3))).to.deep.equal([RED, RED, GREEN, GREEN, BLACK]);
  });

  it('keeps the intrinsic size, centred and clipped, with fit none', () => {
    const obs = imageBox({ src: 'q', fit: 'none' }, 6, 6, { q: quad });
    expect(pixel(obs, 1, 1)).to.deep.equal(BLACK);
    expect(pixel(obs, 2, 2)).to.deep.equal(RED);
    expect(pixel(obs, 3, 3)).to.deep.equal(WHITE);
    expect(pixel(obs, 4, 4)).to.deep.equal(BLACK);
    const small = imageBox({ src: 'w', fit: 'none' }, 1, 1, { w: wide });
    // 2x1 centred in 1x1: x offset round(-1/2) = 0 (half up), so the red pixel shows
    expect(pixel(small, 0, 0)).to.deep.equal(RED);
    expect(pixel(small, 1, 0)).to.deep.equal(BLACK);
  });

  it('blends straight-alpha pixels src-over and applies opacity', () => {
    const half = image([[[255, 0, 0, 128]]]);
    const obs = imageBox({ src: 'h' }, 2, 2, { h: half });
    expect(pixel(obs, 0, 0)).to.deep.equal([128, 0, 0, 255]);
    const faded = imageBox({ src: 'q', opacity: 0.5 }, 2, 2, { q: quad });
    expect(pixel(faded, 0, 0)).to.deep.equal([128, 0, 0, 255]);
  });

  it('draws the image in the content box, inside padding and border', () => {
    const obs = imageBox({ src: 'q', padding: 1, background: 'blue' }, 4, 4, { q: quad });
    expect(pixel(obs, 0, 0)).to.deep.equal(BLUE);
    expect(pixel(obs, 1, 1)).to.deep.equal(RED);
    expect(pixel(obs, 2, 2)).to.deep.equal(WHITE);
    expect(pixel(obs, 3, 3)).to.deep.equal(BLUE);
  });

  it('draws nothing without a src, and clearing src removes the image', () => {
    const obs = run([...node(1, 'image', { src: 'q' }), set(1, 'src', ''), set(0, 'align', 'start')], { images: { q: quad } });
    expect(pixel(obs, 0, 0)).to.deep.equal(BLACK);
    expect(box(obs, 1).width).to.equal(0);
    expect(run([...abs(1, 0, 0, 4, 4), ...view(2, {})]).events).to.deep.equal([]);
  });
});
