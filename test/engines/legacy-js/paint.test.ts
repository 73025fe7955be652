import { expect } from 'chai';
import { BLACK, BLUE, RED, WHITE, abs, pixel, redRow, run, set, view } from './helpers.ts';

describe('legacy-js paint', () => {
  it('clears the frame to opaque black', () => {
    const obs = run([], { width: 3, height: 2 });
    expect(Array.from(obs.frame!.data)).to.deep.equal([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
  });

  it('fills the border box with the background', () => {
    const obs = run([...abs(1, 2, 3, 4, 5, { background: 'red' })]);
    expect(pixel(obs, 2, 3)).to.deep.equal(RED);
    expect(pixel(obs, 5, 7)).to.deep.equal(RED);
    expect(pixel(obs, 6, 7)).to.deep.equal(BLACK);
    expect(pixel(obs, 5, 8)).to.deep.equal(BLACK);
    expect(pixel(obs, 1, 3)).to.deep.equal(BLACK);
  });

  it('paints a root background over the cleared frame', () => {
    expect(pixel(run([set(0, 'background', 'white')]), 7, 7)).to.deep.equal(WHITE);
  });

  it('draws the border inside the box, over the background', () => {
    const obs = run([...abs(1, 0, 0, 10, 10, { background: 'red', borderWidth: 2, borderColor: 'blue' })]);
    expect(pixel(obs, 0, 0)).to.deep.equal(BLUE);
    expect(pixel(obs, 1, 5)).to.deep.equal(BLUE);
    expect(pixel(obs, 9, 9)).to.deep.equal(BLUE);
    expect(pixel(obs, 2, 2)).to.deep.equal(RED);
    expect(pixel(obs, 7, 7)).to.deep.equal(RED);
    expect(pixel(obs, 8, 7)).to.deep.equal(BLUE);
  });

  it('anti-aliases rounded corners from the pixel-centre distance', () => {
    const obs = run([...abs(1, 0, 0, 10, 10, { background: 'white', radius: 4 })]);
    expect(pixel(obs, 0, 0)).to.deep.equal(BLACK);
    // (1, 0): d = sqrt(2.5^2 + 3.5^2) = 4.3012, coverage 0.1988 -> byte 51 -> 255*51/255
    expect(pixel(obs, 1, 0)).to.deep.equal([51, 51, 51, 255]);
    expect(pixel(obs, 4, 0)).to.deep.equal(WHITE);
    expect(pixel(obs, 0, 5)).to.deep.equal(WHITE);
    expect(pixel(obs, 9, 9)).to.deep.equal(BLACK);
    const edge = pixel(obs, 8, 9)[0];
    expect(edge).to.be.greaterThan(0).and.lessThan(255);
  });

  it('rounds the border with the box', () => {
    const obs = run([...abs(1, 0, 0, 10, 10, { background: 'red', borderWidth: 1, borderColor: 'white', radius: 4 })]);
    expect(pixel(obs, 0, 0)).to.deep.equal(BLACK);
    expect(pixel(obs, 5, 0)).to.deep.equal(WHITE);
    expect(pixel(obs, 5, 5)).to.deep.equal(RED);
    // corner pixel (1, 1): inner circle coverage is 0, outer partial: a white-ish ring pixel
    const [r, g] = pixel(obs, 1, 1);
    expect(g).to.be.greaterThan(0).and.lessThan(255);
    expect(r).to.be.greaterThan(g);
  });

  it('snaps fractional edges by truncation', () => {
    // x 1.7 .. 3.7 -> pixels 1 and 2
    const obs = run([...abs(1, 1.7, 0, 2, 1, { background: 'red' })], { width: 6, height: 1 });
    expect(redRow(obs, 0)).to.deep.equal([0, 255, 255, 0, 0, 0]);
  });

  it('multiplies the alpha of everything a node paints by its opacity', () => {
    // opacity 0.5 -> byte 128; red over black: 255*128/255 = 128
    const obs = run([...abs(1, 0, 0, 4, 4, { background: 'red', opacity: 0.5 })]);
    expect(pixel(obs, 1, 1)).to.deep.equal([128, 0, 0, 255]);
  });

  it('blends translucent colours src-over', () => {
    const obs = run([
      ...abs(1, 0, 0, 4, 4, { background: 'blue' }),
      ...abs(2, 0, 0, 4, 4, { background: '#ff000080' }),
    ]);
    // r: 255*128/255 = 128; b: 255*127/255 = 127
    expect(pixel(obs, 0, 0)).to.deep.equal([128, 0, 127, 255]);
  });

  it('clips descendants to the box of a clip:true node', () => {
    const cmds = (clip: boolean) => [
      ...abs(1, 0, 0, 10, 10, { clip }),
      ...abs(2, 5, 0, 10, 4, { background: 'red' }, 1),
    ];
    expect(pixel(run(cmds(true)), 8, 1)).to.deep.equal(RED);
    expect(pixel(run(cmds(true)), 12, 1)).to.deep.equal(BLACK);
    expect(pixel(run(cmds(false)), 12, 1)).to.deep.equal(RED);
  });

  it('paints siblings in zIndex order, stable for equal values', () => {
    const cmds = (z1: number, z2: number) => [
      ...abs(1, 0, 0, 4, 4, { background: 'red', zIndex: z1 }),
      ...abs(2, 0, 0, 4, 4, { background: 'blue', zIndex: z2 }),
    ];
    expect(pixel(run(cmds(1, 0)), 0, 0)).to.deep.equal(RED);
    expect(pixel(run(cmds(0, 1)), 0, 0)).to.deep.equal(BLUE);
    expect(pixel(run(cmds(3, 3)), 0, 0)).to.deep.equal(BLUE);
  });

  it('skips an invisible node and its subtree but keeps its space', () => {
    const obs = run([
      ...view(1, { height: 4, background: 'red', visible: false }),
      ...view(2, { height: 2, background: 'red' }, 1),
      ...view(3, { height: 4, background: 'blue' }),
    ]);
    expect(pixel(obs, 0, 0)).to.deep.equal(BLACK);
    expect(pixel(obs, 0, 4)).to.deep.equal(BLUE);
  });

  it('does not throw on huge, infinite or negative coordinates', () => {
    const obs = run([
      ...abs(1, -1e12, 0, 3e12, 5, { background: 'red' }),
      ...abs(2, 0, 0, 'Infinity' as unknown as number, 5, { background: 'blue', radius: 3, borderWidth: 1 }),
    ]);
    expect(obs.frame!.data.length).to.equal(20 * 20 * 4);
  });
});
