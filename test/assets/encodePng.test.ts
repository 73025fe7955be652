import { expect } from 'chai';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { encodePng, type PngColorType } from '../../harness/assets/encodePng.ts';

describe('encodePng', () => {
  const image = (colorType: PngColorType) =>
    fc
      .record({ width: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 1, max: 40 }), seed: fc.integer() })
      .map(({ width, height, seed }) => {
        const data = new Uint8Array(width * height * 4);
        let s = seed >>> 0;
        for (let i = 0; i < data.length; i += 4) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const v = s >>> 24;
          const palette = colorType === 'indexed' ? v & 7 : v; // keep indexed under 256 colours
          const [r, g, b] = colorType === 'gray' ? [v, v, v] : [palette, (palette * 37) & 255, (s >>> 8) & (colorType === 'indexed' ? 1 : 255)];
          data.set([r, g, b, colorType === 'rgba' || colorType === 'indexed' ? (s >>> 16) & (colorType === 'indexed' ? 0x80 : 255) : 255], i);
        }
        return { width, height, data };
      });

  for (const colorType of ['gray', 'rgb', 'indexed', 'rgba'] as const) {
    it(`round-trips ${colorType} images through pngjs unchanged`, () => {
      fc.assert(
        fc.property(image(colorType), (img) => {
          const decoded = PNG.sync.read(Buffer.from(encodePng(img, { colorType })));
          expect([decoded.width, decoded.height]).to.deep.equal([img.width, img.height]);
          expect(Buffer.from(decoded.data).equals(Buffer.from(img.data))).to.equal(true);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('splits data larger than one stored block (64 KiB) and still decodes', () => {
    const width = 200;
    const height = 100; // 100 * (1 + 800) bytes > 65535
    const data = new Uint8Array(width * height * 4).map((_, i) => (i * 7) & 255);
    const decoded = PNG.sync.read(Buffer.from(encodePng({ width, height, data }, { colorType: 'rgba' })));
    expect(Buffer.from(decoded.data).equals(Buffer.from(data))).to.equal(true);
  });

  it('refuses translucent pixels for an opaque colour type, saying which byte', () => {
    const data = Uint8Array.of(1, 2, 3, 128);
    expect(() => encodePng({ width: 1, height: 1, data }, { colorType: 'rgb' })).to.throw(/expected opaque pixels for colorType rgb, got alpha 128 at byte 0/);
  });
});
