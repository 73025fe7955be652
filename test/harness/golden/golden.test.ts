import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAdapter } from '../../../harness/engines/registry.ts';
import type { EngineAdapter } from '../../../harness/engines/types.ts';
import { recordGolden, verifyAgainstGolden } from '../../../harness/golden/goldenRun.ts';
import { goldenDir, readGolden } from '../../../harness/golden/goldenStore.ts';
import { decodeNumber, encodeNumber, layoutFromJson, layoutToJson } from '../../../harness/golden/observationCodec.ts';
import { loadScenarioSync } from '../../../harness/protocol/scenario.ts';

const root = resolve(import.meta.dirname, '../../..');
const scenario = loadScenarioSync(join(root, 'scenarios/smoke/smoke-text-align.yaml'));
const filesOf = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe('harness/golden', function () {
  this.timeout(30_000);
  let legacy: EngineAdapter;
  let wasm: EngineAdapter;
  before(async () => {
    legacy = await loadAdapter({ builtin: 'legacy-js' });
    wasm = await loadAdapter({ builtin: 'wasm' });
  });

  it('records the same bytes twice, and verify accepts both engines against them', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'golden-')), mkdtempSync(join(tmpdir(), 'golden-'))];
    await recordGolden(a, scenario, legacy);
    await recordGolden(b, scenario, legacy);
    expect(filesOf(goldenDir(a, scenario.id))).to.deep.equal(filesOf(goldenDir(b, scenario.id)));
    expect((await verifyAgainstGolden(a, scenario, legacy)).status).to.equal('match');
    expect((await verifyAgainstGolden(a, scenario, wasm)).status).to.equal('match');
  });

  it('catches drift: an engine that no longer matches the record differs at the changed field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'));
    await recordGolden(dir, scenario, legacy);
    const { meta } = readGolden(dir, scenario.id);
    const layoutFile = join(goldenDir(dir, scenario.id), `${meta.checkpoints[0].base}.layout.json`);
    const layout = layoutFromJson(readFileSync(layoutFile, 'utf8'), layoutFile);
    writeFileSync(layoutFile, layoutToJson(layout.map((e, i) => (i === 1 ? { ...e, width: e.width + 1 } : e))));
    const v = await verifyAgainstGolden(dir, scenario, legacy);
    expect(v.status).to.equal('differs');
    expect(v.status === 'differs' && v.divergences[0].kind).to.equal('layout');
  });

  it('says a scenario was never recorded, or changed since it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'));
    expect((await verifyAgainstGolden(dir, scenario, legacy)).status).to.equal('missing');
    await recordGolden(dir, scenario, legacy);
    const changed = { ...scenario, steps: scenario.steps.slice(0, -1) };
    expect((await verifyAgainstGolden(dir, changed, legacy)).status).to.equal('stale');
  });

  it('keeps NaN, infinities and -0 exactly through JSON', () => {
    for (const n of [Number.NaN, Infinity, -Infinity, -0, 0, 1.5]) expect(Object.is(decodeNumber(encodeNumber(n), 'x'), n)).to.equal(true);
  });

  it('keeps folder names from scenario ids inside golden/', () => {
    expect(goldenDir('/g', '../../etc/passwd')).to.match(/^\/g\/[^/]+$/);
  });

  it('holds a record for every quirk and smoke scenario, matching both engines (regenerate: npx parity golden record)', async () => {
    for (const dir of ['scenarios/quirks', 'scenarios/smoke']) {
      for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.yaml'))) {
        const s = loadScenarioSync(join(root, dir, f));
        for (const e of [legacy, wasm]) expect((await verifyAgainstGolden(join(root, 'golden'), s, e)).status, `${s.id} on ${e.identity.name}`).to.equal('match');
      }
    }
  });
});
