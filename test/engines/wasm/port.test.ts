/**
 * The port, checked against its reference: every scenario of the legacy engine's unit
 * tests, a table of hand-made streams covering every feature and event code, thousands
 * of random streams, and each quirk flag turned off (the Wasm engine must then diverge).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import fc from 'fast-check';
import type { HostAssets } from '../../../engines/shared/assets.ts';
import { EVENT_CODES } from '../../../engines/shared/observation.ts';
import type { Command } from '../../../engines/shared/protocol.ts';
import { QUIRK_IDS } from '../../../engines/shared/quirks.ts';
import type { QuirkId } from '../../../engines/shared/quirks.ts';
import { createLegacyRenderer } from '../../../engines/legacy-js/index.ts';
import { loadFont } from '../../../harness/assets/loadFont.ts';
import { assets as syntheticAssets, image } from '../legacy-js/helpers.ts';
import { diffStream } from './differential.ts';
import { FEATURE_STREAMS, QUIRK_STREAMS } from './streams.ts';
import { randomStream } from './randomStreams.ts';
import { loadLegacySuitesDifferentially } from './legacySuites.ts';
import { ensureWasmBuilt } from './wasmFixture.ts';

await ensureWasmBuilt();
await loadLegacySuitesDifferentially();

const img = image([[[255, 0, 0, 255], [0, 0, 255, 128]], [[0, 255, 0, 64], [255, 255, 255, 255]]]);
const SYNTHETIC = syntheticAssets({ img, wide: image([[[10, 20, 30, 255], [40, 50, 60, 0], [70, 80, 90, 200]]]) });
const REAL: HostAssets = { font: loadFont(), images: SYNTHETIC.images };

describe('wasm port: hand-made streams', () => {
  for (const s of FEATURE_STREAMS) {
    it(`matches legacy: ${s.name}`, () => {
      for (const assets of [SYNTHETIC, REAL]) {
        const diff = diffStream(s.commands, { width: s.width ?? 64, height: s.height ?? 48, assets });
        expect(diff, s.name).to.equal(null);
      }
    });
  }

  it('covers every event code', () => {
    const seen = new Set<string>();
    for (const s of FEATURE_STREAMS) {
      const r = createLegacyRenderer({ width: 64, height: 48, assets: SYNTHETIC });
      r.apply(s.commands);
      for (const e of r.snapshot().events) seen.add(e.code);
    }
    expect([...EVENT_CODES].filter((c) => !seen.has(c))).to.deep.equal([]);
  });
});

describe('wasm port: quirk flags', () => {
  it('has a stream for every quirk id', () => {
    expect(Object.keys(QUIRK_STREAMS).sort()).to.deep.equal([...QUIRK_IDS].sort());
  });

  for (const id of QUIRK_IDS) {
    it(`${id}: matches legacy with the flag on, diverges with it off`, () => {
      const s = QUIRK_STREAMS[id as QuirkId];
      const opts = { width: s.width ?? 32, height: s.height ?? 24, assets: SYNTHETIC };
      expect(diffStream(s.commands, opts), 'all flags on').to.equal(null);
      expect(diffStream(s.commands, { ...opts, quirks: { [id]: false } }), 'flag off').to.not.equal(null);
    });
  }
});

describe('wasm port: random streams', () => {
  const cases: [string, HostAssets, number, number][] = [
    ['synthetic 2x2 font', SYNTHETIC, 32, 24],
    ['real 6x8 font', REAL, 48, 32],
  ];
  for (const [name, assets, width, height] of cases) {
    it(`matches legacy on 2000 random streams (${name})`, () => {
      fc.assert(
        fc.property(randomStream(), (commands) => {
          const diff = diffStream(commands, { width, height, assets });
          if (diff !== null) throw new Error(diff);
        }),
        { numRuns: 2000, seed: name.length * 7919 + 20241127 },
      );
    });
  }
});

describe('wasm port: scene-aware generated streams (harness/generate)', () => {
  const generator = new URL('../../../harness/generate/index.ts', import.meta.url);
  it('matches legacy on 2500 streams of harness/generate', async function () {
    if (!existsSync(fileURLToPath(generator))) this.skip();
    const { streamArbitrary } = await import(generator.href);
    const { generatedImages } = await import(new URL('../../../harness/generate/_internals/generatedImages.ts', import.meta.url).href);
    const assets: HostAssets = { font: loadFont(), images: generatedImages() };
    fc.assert(
      fc.property(streamArbitrary() as fc.Arbitrary<{ viewport: { width: number; height: number }; commands: Command[] }>, (s) => {
        const diff = diffStream(s.commands, { width: s.viewport.width, height: s.viewport.height, assets });
        if (diff !== null) throw new Error(diff);
      }),
      { numRuns: 2500, seed: 20241127 },
    );
  });
});
