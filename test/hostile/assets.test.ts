import { expect } from 'chai';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  boxScenario, chunkOffset, cli, fifo, parityProcess, fixCrc, hostileProject, imageScenario, link, readJson, replaceChunkData, STACK_LINE, validPng, write,
} from './fileHelpers.ts';

/** Each hostile asset: how to make it in scenarios/assets/<file>, and what the message must say was found. */
const HOSTILE_ASSETS: { name: string; file: string; make: (at: string, root: string) => void; found: RegExp }[] = [
  { name: 'a missing file', file: 'missing.png', make: () => {}, found: /expected a PNG file, got nothing at this path/ },
  { name: 'a directory', file: 'folder.png', make: (at) => mkdirSync(at), found: /got a directory/ },
  { name: 'an empty file', file: 'empty.png', make: (at) => write(at, ''), found: /signature 89 50 4e 47.*got bytes \[\]/ },
  { name: 'a GIF named .png', file: 'gif.png', make: (at) => write(at, 'GIF89a not a png'), found: /got bytes \[47 49 46 38 39 61 20 6e\]/ },
  { name: 'a truncated PNG', file: 'truncated.png', make: (at) => write(at, validPng().subarray(0, 40)), found: /truncated/ },
  { name: 'a PNG without IEND', file: 'no-iend.png', make: (at) => write(at, validPng().subarray(0, -12)), found: /ending with an IEND chunk/ },
  {
    name: 'a PNG with a damaged IDAT byte (CRC mismatch)', file: 'crc.png',
    make: (at) => { const p = validPng(); p[chunkOffset(p, 'IDAT') + 10] ^= 0xff; write(at, p); }, found: /chunk "IDAT" at byte \d+ with CRC [0-9a-f]{8}, got CRC [0-9a-f]{8}/,
  },
  {
    name: 'damaged zlib data under a valid CRC', file: 'zlib.png',
    make: (at) => { const p = validPng(); write(at, replaceChunkData(p, chunkOffset(p, 'IDAT'), Buffer.from('this is not zlib data at all'))); },
    found: /IDAT data that inflates to 68 bytes, got a zlib error/,
  },
  {
    name: 'image data that inflates short', file: 'short.png',
    make: (at) => { const p = validPng(); write(at, replaceChunkData(p, chunkOffset(p, 'IDAT'), deflateSync(Buffer.alloc(20)))); }, found: /inflates to 68 bytes, got 20 bytes/,
  },
  {
    name: 'image data that inflates long', file: 'long.png',
    make: (at) => { const p = validPng(); write(at, replaceChunkData(p, chunkOffset(p, 'IDAT'), deflateSync(Buffer.alloc(10_000)))); }, found: /inflates to 68 bytes, got more than 68 bytes/,
  },
  {
    name: 'a header declaring 100000x100000 pixels', file: 'huge.png',
    make: (at) => { const p = validPng(); p.writeUInt32BE(100_000, 16); p.writeUInt32BE(100_000, 20); write(at, fixCrc(p, 8)); }, found: /a PNG of 1\.\.1048576 pixels \(width\*height\), got 100000x100000/,
  },
  {
    name: 'a header declaring zero width', file: 'zero.png',
    make: (at) => { const p = validPng(); p.writeUInt32BE(0, 16); write(at, fixCrc(p, 8)); }, found: /got 0x4 = 0 pixels/,
  },
  {
    name: 'an impossible bit depth', file: 'depth.png',
    make: (at) => { const p = validPng(); p[24] = 4; write(at, fixCrc(p, 8)); }, found: /bit depth 8, 16 for colour type 6, got bit depth 4/,
  },
  {
    name: 'an unknown critical chunk', file: 'chunk.png',
    make: (at) => { const p = validPng(); const i = chunkOffset(p, 'IDAT'); p.write('XDAT', i + 4, 'latin1'); write(at, fixCrc(p, i)); }, found: /unknown critical chunk "XDAT"/,
  },
  {
    name: 'an unknown scanline filter', file: 'filter.png',
    make: (at) => { const raw = Buffer.alloc(68); raw[0] = 9; const p = validPng(); write(at, replaceChunkData(p, chunkOffset(p, 'IDAT'), deflateSync(raw))); }, found: /valid scanlines/,
  },
  {
    name: 'a file over the 4 MiB cap', file: 'big.png',
    make: (at) => write(at, Buffer.concat([validPng(), Buffer.alloc(4 * 1024 * 1024)])), found: /a PNG file of at most 4194304 bytes, got a larger file/,
  },
  { name: 'a FIFO', file: 'pipe.png', make: (at) => fifo(at), found: /a regular file\), got a FIFO/ },
  { name: 'a link to /dev/zero', file: 'zero-dev.png', make: (at) => link('/dev/zero', at), found: /leads to \/dev\/zero, outside it/ },
  {
    name: 'a link to a PNG outside the project', file: 'escape.png',
    make: (at, root) => link(write(join(root, 'outside.png'), validPng()), at), found: /leads to .*outside\.png, outside it/,
  },
];

describe('hostile inputs: assets', () => {
  for (const asset of HOSTILE_ASSETS) {
    it(`reports ${asset.name} as an input error at the declaring line, exit 2, no stack trace`, async () => {
      const { root, proj } = hostileProject();
      asset.make(join(proj, 'scenarios', 'assets', asset.file), root);
      write(join(proj, 'scenarios', 'img.yaml'), imageScenario('img', `assets/${asset.file}`));
      const { code, out, err } = await cli(proj, 'replay', 'scenarios/img.yaml');
      expect(code).to.equal(2);
      expect(err).to.contain(`img.yaml:5:9: asset "logo" (scenarios/assets/${asset.file}): expected `);
      expect(err).to.match(asset.found);
      expect(out + err).not.to.match(STACK_LINE);
    });
  }

  it('rejects an asset path that climbs out of the scenarios folder, at its line', async () => {
    const { proj } = hostileProject();
    write(join(proj, 'outside.png'), validPng());
    write(join(proj, 'scenarios', 'img.yaml'), imageScenario('img', '../outside.png'));
    const { code, err } = await cli(proj, 'replay', 'scenarios/img.yaml');
    expect(code).to.equal(2);
    expect(err).to.match(/img\.yaml:5:9: field "assets\.logo": expected a path inside .*scenarios/);
  });

  it('reports a bad asset the same way in run, replay, render, minimize and golden record', async () => {
    const { proj } = hostileProject();
    write(join(proj, 'scenarios', 'assets', 'bad.png'), validPng().subarray(0, 50));
    write(join(proj, 'scenarios', 'img.yaml'), imageScenario('img', 'assets/bad.png'));
    const line = /img\.yaml:5:9: asset "logo" \(scenarios\/assets\/bad\.png\): expected chunk "IDAT" at byte 33 to fit in the file, got a length of \d+ bytes with \d+ left \(truncated\)/;
    for (const argv of [['run', 'scenarios', '--workers', '1', '--out', 'reports'], ['replay', 'scenarios/img.yaml'], ['render', 'scenarios/img.yaml', '--out', 'reports'],
      ['minimize', 'scenarios/img.yaml'], ['golden', 'record', 'scenarios/img.yaml']]) {
      const { code, out, err } = await cli(proj, ...argv);
      expect(code, argv.join(' ')).to.equal(2);
      expect(out + err, argv.join(' ')).to.match(line);
      expect(out + err, argv.join(' ')).not.to.match(STACK_LINE);
      expect(out + err, argv.join(' ')).not.to.contain('internal error');
    }
  });

  it('runs a folder of good scenarios plus one bad asset: exit 2, one error case, every good verdict kept', async () => {
    const { proj } = hostileProject();
    for (const id of ['a', 'b', 'c']) write(join(proj, 'scenarios', `${id}.yaml`), boxScenario(id));
    write(join(proj, 'scenarios', 'assets', 'bad.png'), Buffer.from('not a png'));
    write(join(proj, 'scenarios', 'img.yaml'), imageScenario('img', 'assets/bad.png'));
    const { code, out, err } = parityProcess(proj, 'run', 'scenarios', '--workers', '1', '--out', 'reports');
    expect(code).to.equal(2);
    expect(out + err).not.to.contain('NOT DETERMINISTIC');
    const [runId] = readdirSync(join(proj, 'reports')).filter((d) => d !== 'latest');
    const results = readJson(join(proj, 'reports', runId, 'results.json'));
    const statuses = Object.fromEntries(results.cases.map((c: any) => [c.id, c.status]));
    expect(statuses).to.deep.equal({ a: 'pass', b: 'pass', c: 'pass', 'scenarios/img.yaml': 'error' });
    expect(results.cases.find((c: any) => c.status === 'error').error).to.include({ file: 'scenarios/img.yaml', line: 5, column: 9 });
    expect(results.determinism.nondeterministic).to.deep.equal([]);
  });
});
