import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downscale, encodeRgba, ImageStore, pngSize } from '../../../harness/report/html/imageStore.ts';

function solid(width: number, height: number, rgba: number[]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set(rgba, i * 4);
  return data;
}

describe('harness/report/html ImageStore', () => {
  it('reads a PNG size from its header and refuses what is not a PNG', () => {
    expect(pngSize(encodeRgba({ width: 7, height: 3, data: solid(7, 3, [1, 2, 3, 4]) }))).to.deep.equal({ width: 7, height: 3 });
    expect(pngSize(Buffer.from('not a png at all, not at all'))).to.equal(null);
  });

  it('embeds each distinct image once', () => {
    const store = new ImageStore();
    const png = encodeRgba({ width: 2, height: 2, data: solid(2, 2, [9, 9, 9, 255]) });
    const a = store.addPng(png)!;
    const b = store.addPng(Buffer.from(png))!;
    expect(a.image).to.equal(b.image);
    expect(store.uris).to.have.length(1);
    expect(store.uris[0]).to.match(/^data:image\/png;base64,/);
  });

  it('refuses images once the byte budget is spent, and counts them', () => {
    const store = new ImageStore(400);
    const png = (v: number) => encodeRgba({ width: 4, height: 4, data: solid(4, 4, [v, 0, 0, 255]) });
    expect(store.addPng(png(1))).to.not.equal(undefined);
    let refusedAt = -1;
    for (let v = 2; v < 20 && refusedAt < 0; v++) if (store.addPng(png(v)) === undefined) refusedAt = v;
    expect(refusedAt).to.be.greaterThan(1);
    expect(store.refused).to.equal(1);
    expect(store.bytes).to.be.at.most(400);
  });

  it('embeds frames up to 640 px as they are and downscales larger ones by an integer factor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-images-'));
    writeFileSync(join(dir, 'small.png'), encodeRgba({ width: 640, height: 360, data: solid(640, 360, [1, 2, 3, 255]) }));
    writeFileSync(join(dir, 'big.png'), encodeRgba({ width: 1280, height: 720, data: solid(1280, 720, [10, 20, 30, 255]) }));
    const store = new ImageStore();
    expect(store.addFrameFile(dir, 'small.png')).to.include({ width: 640, height: 360, scale: 1 });
    expect(store.addFrameFile(dir, 'big.png')).to.include({ width: 640, height: 360, scale: 0.5 });
    expect(store.downscaled).to.equal(1);
    expect(store.addFrameFile(dir, 'missing.png')).to.equal(undefined);
  });

  it('averages each block when downscaling', () => {
    const data = new Uint8Array([0, 0, 0, 255, 100, 200, 50, 255, 0, 0, 0, 255, 100, 200, 50, 255]);
    const out = downscale({ width: 2, height: 2, data }, 2);
    expect([...out.data]).to.deep.equal([50, 100, 25, 255]);
  });
});
