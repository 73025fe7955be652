import { expect } from 'chai';
import { join } from 'node:path';
import type { Command } from '../../../engines/shared/protocol.ts';
import type { QuirkFlags } from '../../../engines/shared/quirks.ts';
import { loadAdapter } from '../../../harness/engines/registry.ts';
import type { EngineSpec } from '../../../harness/engines/registry.ts';
import { generatedAssets } from '../../../harness/fuzz/generatedAssets.ts';
import { runCase } from '../../../harness/run/runCase.ts';
import { loadHostAssets } from '../../../harness/assets/hostAssets.ts';
import { loadScenarioSync } from '../../../harness/protocol/scenario.ts';
import { QUIRK_IDS } from '../../../engines/shared/quirks.ts';
import { root } from './helpers.ts';

const mutant = (prop: string): EngineSpec => ({ module: join(root, 'test/fixtures/engines/mutant.ts'), options: { prop, name: 'mutant' } });
const viewport = { width: 64, height: 48 };

/** A subtree at (0, y) that shows an off-by-one in `prop` (ids from `base`). */
function exercise(prop: 'padding' | 'gap' | 'margin' | 'radius', base: number, y: number): Command[] {
  const box = (id: number, colour: string): Command[] => [
    { op: 'create', id, type: 'view' }, { op: 'set', id, prop: 'width', value: 6 }, { op: 'set', id, prop: 'height', value: 6 },
    { op: 'set', id, prop: 'background', value: colour },
  ];
  const parent: Command[] = [
    { op: 'create', id: base, type: 'view' }, { op: 'set', id: base, prop: 'background', value: '#ff0000' },
    { op: 'set', id: base, prop: 'position', value: 'absolute' }, { op: 'set', id: base, prop: 'y', value: y },
  ];
  switch (prop) {
    case 'padding':
      return [...parent, { op: 'set', id: base, prop, value: 2 },
        ...box(base + 1, '#0000ff'), { op: 'append', parent: base, child: base + 1 }, { op: 'append', parent: 0, child: base }];
    case 'radius':
      return [...parent, { op: 'set', id: base, prop: 'width', value: 16 }, { op: 'set', id: base, prop: 'height', value: 16 },
        { op: 'set', id: base, prop, value: 5 }, { op: 'append', parent: 0, child: base }];
    case 'gap':
      return [...parent, { op: 'set', id: base, prop: 'direction', value: 'row' }, { op: 'set', id: base, prop: 'gap', value: 3 },
        ...box(base + 1, '#00ff00'), ...box(base + 2, '#00ff00'),
        { op: 'append', parent: base, child: base + 1 }, { op: 'append', parent: base, child: base + 2 }, { op: 'append', parent: 0, child: base }];
    case 'margin':
      return [...parent, ...box(base + 1, '#00ffff'), { op: 'set', id: base + 1, prop: 'margin', value: 2 },
        { op: 'append', parent: base, child: base + 1 }, { op: 'append', parent: 0, child: base }];
  }
}

/** Two parts of a screen, each showing one bug, a checkpoint after each. */
function twoBugs(a: Parameters<typeof exercise>[0], b: Parameters<typeof exercise>[0]): Command[] {
  return [...exercise(a, 1, 0), { op: 'frame', name: a }, ...exercise(b, 10, 24), { op: 'frame', name: b }];
}
const TWO_BUGS = twoBugs('padding', 'gap');

async function identitiesOf(candidate: EngineSpec, steps: readonly Command[], candidateQuirks?: QuirkFlags): Promise<Map<string, string>> {
  const engines = { reference: await loadAdapter({ builtin: 'legacy-js' }, root), candidate: await loadAdapter(candidate, root), candidateQuirks };
  const { divergences } = await runCase({ id: 't', title: 't', source: { kind: 'scenario', file: 't.yaml' }, viewport, steps }, generatedAssets(), engines);
  return new Map(divergences.map((d) => [d.fingerprint, d.signature]));
}

describe('identify (run)', () => {
  it('gives every divergence its cause: the commands it needs, and where it first shows', async () => {
    const engines = { reference: await loadAdapter({ builtin: 'legacy-js' }, root), candidate: await loadAdapter(mutant('padding'), root) };
    const { divergences } = await runCase({ id: 't', title: 't', source: { kind: 'scenario', file: 't.yaml' }, viewport, steps: exercise('padding', 1, 0).concat([{ op: 'frame' }]) }, generatedAssets(), engines);
    expect(divergences.length).to.be.greaterThan(0);
    for (const d of divergences) {
      expect(d.cause!.needs, d.signature).to.include('set padding(integer)');
      expect(d.cause!.step, d.signature).to.be.within(4, d.step);
      expect(d.signature).to.match(/^legacy-js\/mutant /);
    }
  });

  for (const [a, b] of [['padding', 'gap'], ['padding', 'radius'], ['gap', 'margin']] as const) {
    it(`tells two independent bugs of one candidate apart (${a} and ${b}): no shared identity, both found together, each named by its cause`, async () => {
      const steps = twoBugs(a, b);
      const both = await identitiesOf(mutant(`${a},${b}`), steps);
      const onlyA = await identitiesOf(mutant(a), steps);
      const onlyB = await identitiesOf(mutant(b), steps);
      for (const id of onlyA.keys()) expect(onlyB.has(id), `shared by ${a} and ${b}: ${onlyA.get(id)}`).to.equal(false);
      expect([...both.keys()].some((id) => onlyA.has(id)), `${a} is recognised beside ${b}`).to.equal(true);
      expect([...both.keys()].some((id) => onlyB.has(id)), `${b} is recognised beside ${a}`).to.equal(true);
      for (const signature of both.values()) expect(signature, 'names the property of its bug').to.match(new RegExp(`set (${a}|${b})\\b`));
    });
  }

  it('tells two compat flags off in the Wasm engine apart in one scenario', async () => {
    const steps: Command[] = [
      { op: 'create', id: 1, type: 'view' }, { op: 'set', id: 1, prop: 'width', value: 20 }, { op: 'set', id: 1, prop: 'height', value: 20 },
      { op: 'set', id: 1, prop: 'background', value: '#abc' }, { op: 'append', parent: 0, child: 1 },
      { op: 'create', id: 2, type: 'view' }, { op: 'set', id: 2, prop: 'width', value: 20 }, { op: 'set', id: 2, prop: 'height', value: 20 },
      { op: 'set', id: 2, prop: 'position', value: 'absolute' }, { op: 'set', id: 2, prop: 'x', value: 30 },
      { op: 'set', id: 2, prop: 'background', value: '#00ff00' }, { op: 'set', id: 2, prop: 'zIndex', value: 10 },
      { op: 'create', id: 3, type: 'view' }, { op: 'set', id: 3, prop: 'width', value: 20 }, { op: 'set', id: 3, prop: 'height', value: 20 },
      { op: 'set', id: 3, prop: 'position', value: 'absolute' }, { op: 'set', id: 3, prop: 'x', value: 35 },
      { op: 'set', id: 3, prop: 'background', value: '#0000ff' }, { op: 'set', id: 3, prop: 'zIndex', value: 9 },
      { op: 'append', parent: 0, child: 2 }, { op: 'append', parent: 0, child: 3 }, { op: 'frame' },
    ];
    const wasm: EngineSpec = { builtin: 'wasm' };
    const both = await identitiesOf(wasm, steps, { 'short-hex-color': false, 'zindex-string-sort': false });
    const hex = await identitiesOf(wasm, steps, { 'short-hex-color': false });
    const zindex = await identitiesOf(wasm, steps, { 'zindex-string-sort': false });
    expect(hex.size).to.be.greaterThan(0);
    expect(zindex.size).to.be.greaterThan(0);
    for (const id of hex.keys()) expect(zindex.has(id)).to.equal(false);
    expect([...both.keys()].sort()).to.deep.equal([...hex.keys(), ...zindex.keys()].sort());
  });

  it('gives the five causes one coarse frame:pixels fingerprint used to group (issue 11) five sets of identities, none shared', async function () {
    this.timeout(120_000);
    const all = Object.fromEntries(QUIRK_IDS.map((q) => [q, false]));
    const cases: [string, QuirkFlags][] = [
      ['scenarios/quirks/zindex-string-sort.yaml', { 'zindex-string-sort': false }],
      ['scenarios/quirks/clip-ignores-radius.yaml', { 'clip-ignores-radius': false }],
      ['scenarios/quirks/short-hex-color.yaml', { 'short-hex-color': false }],
      ['scenarios/quirks/round-half-up.yaml', { 'round-half-up': false }],
      ['scenarios/smoke/smoke-tv-home.yaml', all],
    ];
    const engines = { reference: await loadAdapter({ builtin: 'legacy-js' }, root), candidate: await loadAdapter({ builtin: 'wasm' }, root) };
    const seen = new Map<string, string>();
    for (const [file, quirks] of cases) {
      const s = loadScenarioSync(join(root, file));
      const { divergences } = await runCase({ id: s.id, title: s.title, source: { kind: 'scenario', file }, viewport: s.viewport, steps: s.steps }, loadHostAssets(s.assets), { ...engines, candidateQuirks: quirks });
      expect(divergences.length, file).to.be.greaterThan(0);
      for (const d of divergences) {
        const owner = seen.get(d.fingerprint);
        expect(owner === undefined || owner === file, `${d.signature}: ${owner} and ${file}`).to.equal(true);
        seen.set(d.fingerprint, file);
      }
    }
    expect(new Set(seen.values()).size).to.equal(5);
  });
});

