import { expect } from 'chai';
import { compareFrames } from '../../../harness/compare/frameDiff.ts';
import { paint, pixelAt, solidFrame } from './fixtures.ts';

const WHITE = [255, 255, 255, 255] as const;
const RED = [255, 0, 0, 255] as const;

describe('compareFrames', () => {
  const ref = solidFrame(320, 180, WHITE);

  it('finds identical frames equal', () => {
    expect(compareFrames(ref, solidFrame(320, 180, WHITE))).to.deep.equal({ outcome: 'equal' });
  });

  it('reports one differing pixel as a count of 1, a 1x1 box and its ratio', () => {
    const result = compareFrames(ref, paint(ref, 10, 4, 1, 1, [250, 255, 255, 255]));
    expect(result.outcome).to.equal('differs');
    if (result.outcome !== 'differs') return;
    expect(result.difference).to.include({ pixels: 1, ratio: 1 / (320 * 180), maxChannelDiff: 5 });
    expect(result.difference.bbox).to.deep.equal({ x: 10, y: 4, width: 1, height: 1 });
  });

  it('bounds several differing pixels in one box', () => {
    const cand = paint(paint(ref, 10, 4, 2, 2, RED), 15, 11, 1, 1, RED);
    const result = compareFrames(ref, cand);
    if (result.outcome !== 'differs') expect.fail('expected a difference');
    expect(result.difference).to.include({ pixels: 5, maxChannelDiff: 255 });
    expect(result.difference.bbox).to.deep.equal({ x: 10, y: 4, width: 6, height: 8 });
  });

  it('names both sizes when the frames differ in size', () => {
    const result = compareFrames(ref, solidFrame(320, 181, WHITE));
    if (result.outcome !== 'differs') expect.fail('expected a difference');
    expect(result.difference.sizeMismatch).to.deep.equal({
      reference: { width: 320, height: 180 },
      candidate: { width: 320, height: 181 },
    });
  });

  it('rejects a frame whose data does not match its size, saying expected and got', () => {
    const bad = { width: 320, height: 180, data: new Uint8Array(10) };
    expect(() => compareFrames(ref, bad)).to.throw('candidate frame: expected 320x180x4 = 230400 bytes, got 10');
  });

  it('compares frames whose bytes start at an unaligned offset', () => {
    const cand = paint(ref, 3, 3, 1, 1, RED);
    const backing = new Uint8Array(cand.data.length + 1);
    backing.set(cand.data, 1);
    const unaligned = { width: 320, height: 180, data: backing.subarray(1) };
    const result = compareFrames(ref, unaligned, { withDiffImage: true, threshold: 0 });
    if (result.outcome !== 'differs') expect.fail('expected a difference');
    expect(result.difference).to.include({ pixels: 1, perceptualPixels: 1 });
  });

  describe('with a fuzzy allowance', () => {
    const faint = paint(ref, 0, 0, 3, 1, [254, 254, 255, 255]);
    const reason = 'blend rounding differs by one step on this device family';

    it('tolerates a difference within both ranges', () => {
      const result = compareFrames(ref, faint, { fuzzy: { maxDifference: 1, totalPixels: 3, reason } });
      expect(result).to.deep.include({ outcome: 'tolerated', by: 'fuzzy' });
    });

    it('reports a difference outside a range, with the allowance it failed', () => {
      const result = compareFrames(ref, faint, { fuzzy: { maxDifference: 1, totalPixels: 2, reason } });
      if (result.outcome !== 'differs') expect.fail('expected a difference');
      expect(result.difference.fuzzy).to.deep.equal({ maxDifference: [0, 1], totalPixels: [0, 2], reason });
    });

    it('reports a difference smaller than a range minimum, as web-platform-tests does', () => {
      const result = compareFrames(ref, faint, { fuzzy: { maxDifference: '2-5', totalPixels: [0, 10], reason } });
      expect(result.outcome).to.equal('differs');
    });

    it('still finds identical frames equal whatever the ranges', () => {
      const opts = { fuzzy: { maxDifference: [2, 5] as const, totalPixels: [1, 10] as const, reason } };
      expect(compareFrames(ref, ref, opts).outcome).to.equal('equal');
    });

    it('rejects an allowance without a reason', () => {
      const fuzzy = { maxDifference: 1, totalPixels: 3 } as never;
      expect(() => compareFrames(ref, faint, { fuzzy })).to.throw(/needs a written reason/);
    });
  });

  describe('with a pixelmatch threshold', () => {
    const slightly = paint(ref, 5, 5, 2, 2, [250, 250, 250, 255]);

    it('tolerates differences below the threshold, keeping the exact statistics', () => {
      const result = compareFrames(ref, slightly, { threshold: 0.1 });
      expect(result.outcome).to.equal('tolerated');
      if (result.outcome !== 'tolerated') return;
      expect(result.by).to.equal('threshold');
      expect(result.difference).to.include({ pixels: 4, perceptualPixels: 0 });
    });

    it('reports differences above the threshold with the perceptual count', () => {
      const result = compareFrames(ref, paint(ref, 5, 5, 2, 2, RED), { threshold: 0.1 });
      if (result.outcome !== 'differs') expect.fail('expected a difference');
      expect(result.difference).to.include({ pixels: 4, perceptualPixels: 4 });
      expect(result.difference.threshold).to.deep.equal({ threshold: 0.1, includeAA: true });
    });

    it('rejects a threshold outside 0-1', () => {
      expect(() => compareFrames(ref, ref, { threshold: 2 })).to.throw('expected a number from 0 to 1, got 2');
    });
  });

  describe('diff images', () => {
    const cand = paint(ref, 10, 4, 2, 2, [0, 0, 255, 255]);

    it('produces the pixelmatch diff image and crops on request', () => {
      const result = compareFrames(ref, cand, { withDiffImage: true });
      if (result.outcome !== 'differs') expect.fail('expected a difference');
      const { diffImage, referenceCrop, candidateCrop } = result.difference;
      expect(diffImage).to.include({ width: 320, height: 180 });
      expect(pixelAt(diffImage!, 10, 4)).to.deep.equal([255, 0, 0, 255]);
      expect(pixelAt(diffImage!, 100, 100)).to.not.deep.equal([255, 0, 0, 255]);
      expect(referenceCrop).to.include({ x: 6, y: 0, width: 10, height: 10 });
      expect(pixelAt(candidateCrop!, 4, 4)).to.deep.equal([0, 0, 255, 255]);
      expect(pixelAt(referenceCrop!, 4, 4)).to.deep.equal([...WHITE]);
    });

    it('produces none unless asked', () => {
      const result = compareFrames(ref, cand);
      if (result.outcome !== 'differs') expect.fail('expected a difference');
      expect(result.difference).to.not.have.any.keys('diffImage', 'referenceCrop', 'candidateCrop');
    });

    it('allocates no diff image for equal 1280x720 frames, even when asked', () => {
      const a = solidFrame(1280, 720, RED);
      const b = solidFrame(1280, 720, RED);
      const before = process.memoryUsage().arrayBuffers;
      const result = compareFrames(a, b, { withDiffImage: true });
      const grown = process.memoryUsage().arrayBuffers - before;
      expect(result).to.deep.equal({ outcome: 'equal' });
      expect(grown).to.be.below(1280 * 720 * 4);
    });
  });
});
