import { expect } from 'chai';
import { deflateSync } from 'node:zlib';
import { decodePng } from '../../harness/assets/decodePng.ts';
import { chunkOffset, replaceChunkData, validPng } from './fileHelpers.ts';

/** The outcome of one decode as a comparable string: the error message, or a digest of the pixels. */
function outcome(bytes: Buffer): string {
  try {
    return `ok ${decodePng(bytes, { maxPixels: 1 << 20 }).data.toString('hex')}`;
  } catch (error) {
    return `error ${(error as Error).message}`;
  }
}

function hundredOutcomes(bytes: Buffer): Set<string> {
  return new Set(Array.from({ length: 100 }, () => outcome(bytes)));
}

describe('hostile inputs: PNG decoding is deterministic on damaged files', () => {
  it('decodes a PNG whose zlib stream is cut short (CRC valid) 100 times with one outcome: the same error', () => {
    const png = validPng(64, 64);
    const at = chunkOffset(png, 'IDAT');
    const idat = png.subarray(at + 8, at + 8 + png.readUInt32BE(at));
    const outcomes = hundredOutcomes(replaceChunkData(Buffer.from(png), at, Buffer.from(idat.subarray(0, idat.length / 2))));
    expect([...outcomes]).to.have.length(1);
    expect([...outcomes][0]).to.match(/^error expected IDAT data that inflates to 16448 bytes, got a zlib error/);
  });

  it('decodes a PNG whose pixel data is a short valid zlib stream 100 times with one outcome, never stray memory', () => {
    const png = validPng(64, 64);
    const outcomes = hundredOutcomes(replaceChunkData(png, chunkOffset(png, 'IDAT'), deflateSync(Buffer.alloc(100))));
    expect([...outcomes]).to.deep.equal(['error expected IDAT data that inflates to 16448 bytes, got 100 bytes (truncated image data)']);
  });

  it('decodes a valid PNG 100 times to the same pixels', () => {
    const outcomes = hundredOutcomes(validPng(16, 16));
    expect([...outcomes]).to.have.length(1);
    expect([...outcomes][0]).to.match(/^ok /);
  });
});
