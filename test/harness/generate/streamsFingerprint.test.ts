/**
 * Generated streams are pinned: these digests were recorded before the generator was
 * optimised, so a faster generator must still draw exactly the same streams (saved
 * seeds, reproducers and corpora depend on it). Regenerate a digest only when a change
 * to the streams is intended, never to make this pass.
 */
import { expect } from 'chai';
import { fuzzRunsFingerprint, streamsFingerprint } from './streamsFingerprint.ts';

const SEED = 20240605;
const ALL_FEATURES_OFF = { focus: false, animation: false, treeEdits: false, resize: false, images: false, extremeValues: false, coercedStrings: false, unicodeText: false };

const sampled = [
  { name: 'default options', options: {}, digest: '5e07417076d7c6c5add37c595edd54e8daf5592b09330a1a483ddba1c5380104' },
  { name: 'invalidShare 0.5', options: { invalidShare: 0.5 }, digest: 'd4788d736d30c2bf01a0599efa834bf3601e4e5e5ddd826b08df714795d4e4c1' },
  { name: 'every feature off', options: { features: ALL_FEATURES_OFF }, digest: '13f9abef7e8d98ffd98052abe2b19a90975244444741e9d033ff30a395614d46' },
  { name: 'a fixed 320x180 viewport', options: { viewport: { width: 320, height: 180 } }, digest: 'c2c06903adc35c8d7e5cf887b35a3429c071953339ad30472384a4158e9bb24a' },
] as const;

describe('harness/generate stream fingerprints', () => {
  for (const { name, options, digest } of sampled) {
    it(`draws the same 3,000 streams as before for ${name}`, () => {
      expect(streamsFingerprint(options, { seed: SEED, numRuns: 3000 })).to.equal(digest);
    });
  }

  it('draws the same streams for fuzz runs 0-999 of seed 1 (one sample per run seed, as the fuzzer does)', () => {
    expect(fuzzRunsFingerprint({ viewport: { width: 320, height: 180 } }, { seed: 1, runs: 1000 })).to.equal('7cd998313f9537a510d9edcbdfe451c1237009851ef11928fa4dc97b420158b7');
  });
});
