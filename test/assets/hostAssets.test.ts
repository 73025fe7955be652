import { expect } from 'chai';
import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearHostAssetCache, loadHostAssets } from '../../harness/assets/hostAssets.ts';
import { SCENARIO_ASSETS_DIR } from '../../harness/assets/paths.ts';

const asset = (file: string) => join(SCENARIO_ASSETS_DIR, file);

describe('loadHostAssets', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'parity-host-assets-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => clearHostAssetCache());

  it('hands out the font and the images by name, in declaration order', () => {
    const assets = loadHostAssets({ tall: asset('tall-8x24.png'), checker: asset('checker-16.png'), tiny: asset('tiny-1x1.png') });
    expect([...assets.images.keys()]).to.deep.equal(['tall', 'checker', 'tiny']);
    expect(assets.images.get('tall')).to.include({ width: 8, height: 24 });
    expect(assets.font).to.include({ cellWidth: 6, cellHeight: 8, glyphCount: 96 });
  });

  it('accepts a Map, whose order survives names that look like numbers', () => {
    const assets = loadHostAssets(new Map([['2', asset('tiny-1x1.png')], ['1', asset('checker-16.png')]]));
    expect([...assets.images.keys()]).to.deep.equal(['2', '1']);
  });

  it('loads the font once per process', () => {
    expect(loadHostAssets({}).font).to.equal(loadHostAssets({}).font);
  });

  it('reuses a decoded image until the file changes', () => {
    const file = join(dir, 'checker.png');
    copyFileSync(asset('checker-16.png'), file);
    const first = loadHostAssets({ a: file }).images.get('a');
    expect(loadHostAssets({ b: file }).images.get('b')).to.equal(first);

    copyFileSync(asset('gradient-32x16.png'), file);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(loadHostAssets({ a: file }).images.get('a')).to.include({ width: 32, height: 16 });
  });

  it('re-applies the caps to a cached image', () => {
    loadHostAssets({ a: asset('gradient-32x16.png') });
    expect(() => loadHostAssets({ a: asset('gradient-32x16.png') }, { maxPixels: 100 })).to.throw(/gradient-32x16\.png: expected a PNG of 1\.\.100 pixels/);
  });

  it('enforces CAPS.maxImages', () => {
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`img${i}`, asset('tiny-1x1.png')]));
    expect(() => loadHostAssets(many)).to.throw(/expected at most 64 images, got 65/);
  });

  it('refuses a relative path, naming the image', () => {
    expect(() => loadHostAssets({ logo: 'scenarios/assets/tiny-1x1.png' })).to.throw(/expected an absolute path for image "logo"/);
  });

  it('names the missing file of a declared image', () => {
    const file = join(dir, 'nope.png');
    expect(() => loadHostAssets({ logo: file })).to.throw(`${file}: expected a readable PNG file, got nothing at this path`);
  });
});
