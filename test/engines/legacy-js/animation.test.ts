import { expect } from 'chai';
import { ease } from '../../../engines/legacy-js/animation.ts';
import { abs, animate, box, codes, pixel, renderer, run, set, tick } from './helpers.ts';

describe('legacy-js animation', () => {
  it('evaluates the easing polynomials', () => {
    expect(ease('linear', 0.25)).to.equal(0.25);
    expect(ease('ease-in', 0.5)).to.equal(0.25);
    expect(ease('ease-out', 0.5)).to.equal(0.75);
    expect(ease('ease-in-out', 0.25)).to.equal(0.125);
    expect(ease('ease-in-out', 0.75)).to.equal(0.875);
  });

  it('interpolates from the current value as ticks advance', () => {
    const r = renderer({ width: 200 });
    r.apply([...abs(1, 10, 0, 5, 5), animate(1, 'x', 110, 1000), tick(250)]);
    expect(box(r.snapshot(), 1).x).to.equal(35);
    r.apply([tick(250)]);
    expect(box(r.snapshot(), 1).x).to.equal(60);
  });

  it('applies the easing curve', () => {
    const at = (easing: 'ease-in' | 'ease-out' | 'ease-in-out') =>
      box(run([...abs(1, 0, 0, 5, 5), animate(1, 'y', 100, 1000, easing), tick(500)], { height: 200 }), 1).y;
    expect(at('ease-in')).to.equal(25);
    expect(at('ease-out')).to.equal(75);
    expect(at('ease-in-out')).to.equal(50);
  });

  it('sets the target and emits animation-end at the tick that completes it', () => {
    // abs(...) is 7 commands, so the ticks are steps 8 and 9
    const obs = run([...abs(1, 0, 0, 5, 5), animate(1, 'x', 7, 100), tick(60), tick(60)]);
    expect(box(obs, 1).x).to.equal(7);
    expect(obs.events).to.deep.equal([{ step: 9, kind: 'animation', code: 'animation-end', id: 1, detail: 'x' }]);
  });

  it('completes a 0 ms animation on the next tick, even a 0 ms tick', () => {
    const obs = run([...abs(1, 0, 0, 5, 5), animate(1, 'x', 9, 0), tick(0)]);
    expect(box(obs, 1).x).to.equal(9);
    expect(codes(obs.events)).to.deep.equal(['animation-end']);
  });

  it('replaces an animation of the same node and prop', () => {
    const obs = run([...abs(1, 0, 0, 5, 5), animate(1, 'x', 100, 100), tick(50), animate(1, 'x', 0, 100), tick(50)], { width: 200 });
    // the second starts from 50 and goes halfway back to 0
    expect(box(obs, 1).x).to.equal(25);
  });

  it('advances animations in creation order', () => {
    const obs = run([...abs(1, 0, 0, 5, 5), ...abs(2, 0, 0, 5, 5), animate(2, 'y', 1, 10), animate(1, 'opacity', 0, 10), tick(10)]);
    expect(obs.events.map((e) => [e.id, e.detail])).to.deep.equal([[2, 'y'], [1, 'opacity']]);
  });

  it('animates opacity, which fades what the node paints', () => {
    const obs = run([...abs(1, 0, 0, 5, 5, { background: 'red' }), animate(1, 'opacity', 0, 100), tick(50)]);
    expect(pixel(obs, 0, 0)).to.deep.equal([128, 0, 0, 255]);
  });

  it('rejects unknown nodes, unknown and non-animatable props, bad durations and ticks', () => {
    const obs = run([
      ...abs(1, 0, 0, 5, 5),
      animate(9, 'x', 1, 10),
      animate(1, 'wobble', 1, 10),
      animate(1, 'width', 1, 10),
      animate(1, 'x', 1, -1),
      animate(1, 'x', Infinity, 10),
      { op: 'animate', id: 1, prop: 'x', to: 1, ms: 10, easing: 'bounce' as 'linear' },
      tick(-1),
      tick(NaN),
    ]);
    expect(obs.events.map((e) => [e.code, e.id, e.detail])).to.deep.equal([
      ['unknown-node', 9, ''],
      ['unknown-prop', 1, 'wobble'],
      ['bad-value', 1, 'width'],
      ['bad-value', 1, 'x'],
      ['bad-value', 1, 'x'],
      ['bad-value', 1, 'x'],
      ['bad-value', -1, 'ms'],
      ['bad-value', -1, 'ms'],
    ]);
  });

  it('cancels the animations of a destroyed node', () => {
    const obs = run([...abs(1, 0, 0, 5, 5), animate(1, 'x', 1, 10), { op: 'destroy', id: 1 }, tick(20)]);
    expect(obs.events).to.deep.equal([]);
  });

  it('lets set change an animated value until the next tick overwrites it', () => {
    const r = renderer();
    r.apply([...abs(1, 0, 0, 5, 5), animate(1, 'x', 10, 100), set(1, 'x', 3)]);
    expect(box(r.snapshot(), 1).x).to.equal(3);
    r.apply([tick(50)]);
    expect(box(r.snapshot(), 1).x).to.equal(5);
  });
});
