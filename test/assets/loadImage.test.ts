import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetError } from '../../harness/assets/assetError.ts';
import { crc32 } from '../../harness/assets/crc32.ts';
import { encodePng } from '../../harness/assets/encodePng.ts';
import { loadImage } from '../../harness/assets/loadImage.ts';
import { SCENARIO_ASSETS_DIR } from '../../harness/assets/paths.ts';
import { CHECKER_DARK, CHECKER_LIGHT } from '../../harness/assets/testImages.ts';

describe('loadImage', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'parity-assets-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const pixel = (image: { width: number; data: Uint8Array }, x: number, y: number) =>
    [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4)];

  it('decodes the checkerboard to RGBA with 4px squares, dark at the top-left', () => {
    const image = loadImage(join(SCENARIO_ASSETS_DIR, 'checker-16.png'));
    expect(image).to.include({ width: 16, height: 16 });
    expect(image.data).to.be.instanceOf(Uint8Array).with.length(16 * 16 * 4);
    for (let y = 0; y < 16; y++) {
      for (let x = 0; x < 16; x++) {
        const expected = ((x >> 2) + (y >> 2)) % 2 === 0 ? CHECKER_DARK : CHECKER_LIGHT;
        expect(pixel(image, x, y), `pixel (${x},${y})`).to.deep.equal([...expected]);
      }
    }
  });

  it('keeps partial alpha straight (not premultiplied) in the ring', () => {
    const image = loadImage(join(SCENARIO_ASSETS_DIR, 'alpha-ring-24.png'));
    const alphas = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4) {
      expect([...image.data.subarray(i, i + 3)]).to.deep.equal([255, 96, 0]);
      alphas.add(image.data[i + 3]);
    }
    expect(alphas).to.include(0).and.to.include(255);
    expect([...alphas].some((a) => a > 0 && a < 255), 'some partial alpha').to.equal(true);
  });

  it('rejects an image over the pixel cap before decoding it, naming the file and the cap', () => {
    // Only the IHDR matters: the cap is checked before any pixel data is read.
    const file = join(dir, 'huge.png');
    const png = Buffer.from(encodePng({ width: 1, height: 1, data: new Uint8Array(4) }, { colorType: 'rgba' }));
    png.writeUInt32BE(2048, 16);
    png.writeUInt32BE(1024, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29); // a well-formed header that declares too much
    writeFileSync(file, png);
    expect(() => loadImage(file))
      .to.throw(AssetError, `${file}: expected a PNG of 1..1048576 pixels (width*height), got 2048x1024 = 2097152 pixels`)
      .with.property('file', file);
  });

  it('rejects a file over the byte cap, naming the file and the cap', () => {
    const file = join(SCENARIO_ASSETS_DIR, 'gradient-32x16.png');
    expect(() => loadImage(file, { maxFileBytes: 1000 })).to.throw(AssetError, /gradient-32x16\.png: expected a PNG file of at most 1000 bytes, got a larger file \(more than 1000 bytes\)/);
  });

  it('rejects a file that is not a PNG, naming the file and what was expected', () => {
    const file = join(dir, 'not-a.png');
    writeFileSync(file, 'GIF89a this is not a png at all');
    expect(() => loadImage(file)).to.throw(AssetError, `${file}: expected a PNG file (signature 89 50 4e 47 0d 0a 1a 0a, then IHDR), got bytes [47 49 46 38 39 61 20 74]`);
  });

  it('rejects a truncated PNG naming the file and where it ends', () => {
    const file = join(dir, 'truncated.png');
    const whole = encodePng({ width: 4, height: 4, data: new Uint8Array(64) }, { colorType: 'rgba' });
    writeFileSync(file, whole.subarray(0, 40));
    expect(() => loadImage(file)).to.throw(AssetError, `${file}: expected a complete PNG file ending with an IEND chunk, got a file that ends at byte 40, inside chunk 1 (truncated)`);
  });

  it('rejects a missing file, naming it', () => {
    const file = join(dir, 'missing.png');
    expect(() => loadImage(file)).to.throw(AssetError, `${file}: expected a PNG file, got nothing at this path`);
  });
});
