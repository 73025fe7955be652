/**
 * The scenario library: the quirk catalogue (scenarios/quirks/<quirk-id>.yaml, one per id
 * of engines/shared/quirks.ts) and the hand-written feature scenarios (scenarios/smoke/).
 *
 * Checks the catalogue's shape, that scenario ids are unique, that the smoke set together
 * touches every renderer feature, and that every scenario's `expect:` assertions hold on the
 * reference engine (one `it` per scenario, named after its id).
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createLegacyRenderer } from '../../engines/legacy-js/index.ts';
import { EVENT_CODES } from '../../engines/shared/observation.ts';
import { PROPERTIES, PROPERTY_VALUES } from '../../engines/shared/properties.ts';
import { EASINGS, KEYS, OPS } from '../../engines/shared/protocol.ts';
import { QUIRK_IDS } from '../../engines/shared/quirks.ts';
import { loadHostAssets } from '../../harness/assets/hostAssets.ts';
import { rendererAdapter } from '../../harness/engines/rendererAdapter.ts';
import { findScenarios } from '../../harness/protocol/findScenarios.ts';
import { loadScenarioSync } from '../../harness/protocol/scenario.ts';
import type { Scenario } from '../../harness/protocol/scenarioTypes.ts';
import { checkExpectations } from '../../harness/run/checkExpectations.ts';
import { observeStream } from '../../harness/run/observeStream.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCENARIOS = join(ROOT, 'scenarios');
const QUIRKS_DIR = join(SCENARIOS, 'quirks');
const SMOKE_DIR = join(SCENARIOS, 'smoke');

/** The categories a quirk is filed under (one at least); `critical` marks rollout blockers. */
const CATEGORIES = ['arithmetic', 'strings', 'unicode', 'tree', 'layout', 'paint', 'focus', 'animation'];
/** Quirks a rollout must never break: their catalogue entries must be tagged `critical`. */
const MUST_BE_CRITICAL = [
  'coord-int32-truncation',
  'zindex-string-sort',
  'double-append',
  'ellipsis-splits-surrogate',
  'anim-time-accumulation',
  'focus-survives-destroy',
];
/** Error codes the smoke set must provoke; node-limit needs 4096 creates and is left to the engine tests. */
const ERROR_CODES = EVENT_CODES.slice(0, EVENT_CODES.indexOf('bad-size') + 1).filter((c) => c !== 'node-limit');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
}

// Loaded at definition time so that each scenario gets its own `it`.
const quirkFiles = yamlFiles(QUIRKS_DIR);
const smokeFiles = yamlFiles(SMOKE_DIR);
const quirks = quirkFiles.map((f) => loadScenarioSync(f));
const smoke = smokeFiles.map((f) => loadScenarioSync(f));

const adapter = rendererAdapter({ name: 'legacy-js', version: 'test', build: 'test' }, createLegacyRenderer);

/** Runs a scenario on the legacy engine and returns every problem (crash, failed expectation). */
async function problemsOf(scenario: Scenario): Promise<string[]> {
  const session = await adapter.create(scenario.viewport, { assets: loadHostAssets(scenario.assets) });
  try {
    const { observations, failure } = await observeStream(session, scenario.steps);
    const problems = checkExpectations(scenario, observations, ROOT).map((f) => f.message);
    if (failure) problems.unshift(`engine failed at step ${failure.step}: ${failure.message}`);
    return problems;
  } finally {
    await session.dispose();
  }
}

function frameNames(s: Scenario): string[] {
  return s.steps.flatMap((c) => (c.op === 'frame' && c.name !== undefined ? [c.name] : []));
}

describe('scenario library', () => {
  describe('quirk catalogue (scenarios/quirks)', () => {
    it('has exactly one scenario per quirk id, named <id>.yaml with id <id>', () => {
      expect(quirkFiles.map((f) => basename(f, '.yaml'))).to.deep.equal([...QUIRK_IDS].sort());
      for (const s of quirks) expect(s.id, s.file).to.equal(basename(s.file, '.yaml'));
    });

    it('gives each quirk a catalogue entry: legacy, correct, why and a known category tag', () => {
      for (const s of quirks) {
        expect(s.quirk, `${s.id}: quirk entry`).to.not.equal(undefined);
        const q = s.quirk!;
        for (const field of ['legacy', 'correct', 'why'] as const) expect(q[field].trim(), `${s.id}: quirk.${field}`).to.not.equal('');
        const categories = q.tags.filter((t) => CATEGORIES.includes(t));
        expect(categories, `${s.id}: category tags in ${JSON.stringify(q.tags)}`).to.have.lengthOf.at.least(1);
        for (const t of q.tags) expect([...CATEGORIES, 'critical'], `${s.id}: tag "${t}"`).to.include(t);
      }
    });

    it('tags the rollout-blocking quirks critical', () => {
      const critical = quirks.filter((s) => s.quirk?.tags.includes('critical')).map((s) => s.id);
      expect(critical).to.include.members(MUST_BE_CRITICAL);
    });

    it('proves each quirk with expectations at a named checkpoint', () => {
      for (const s of quirks) {
        expect(frameNames(s), `${s.id}: named frames`).to.have.lengthOf.at.least(1);
        expect(s.expect, `${s.id}: expectations`).to.have.lengthOf.at.least(2);
      }
    });
  });

  describe('smoke scenarios (scenarios/smoke)', () => {
    it('has at least 12 scenarios named <id>.yaml, none with a quirk entry, each with expectations and several checkpoints', () => {
      expect(smoke).to.have.lengthOf.at.least(12);
      for (const s of smoke) {
        expect(basename(s.file, '.yaml'), `${s.file}: file name = id`).to.equal(s.id);
        expect(s.id.startsWith('smoke-'), `${s.id}: smoke ids start with smoke-`).to.equal(true);
        expect(s.quirk, `${s.id}: smoke scenarios are not catalogue entries`).to.equal(undefined);
        expect(s.expect, `${s.id}: expectations`).to.have.lengthOf.at.least(3);
        expect(frameNames(s), `${s.id}: named frames`).to.have.lengthOf.at.least(2);
      }
    });

    it('together use every op, property, easing and key', () => {
      const steps = smoke.flatMap((s) => s.steps);
      expect([...new Set(steps.map((c) => c.op))].sort()).to.deep.equal([...OPS].sort());
      const props = new Set(steps.flatMap((c) => (c.op === 'set' ? [c.prop] : [])));
      expect(PROPERTIES.map((p) => p.name).filter((p) => !props.has(p)), 'properties never set').to.deep.equal([]);
      const animated = new Set(steps.flatMap((c) => (c.op === 'animate' ? [c.prop] : [])));
      expect(PROPERTIES.filter((p) => 'animatable' in p && p.animatable).map((p) => p.name).filter((p) => !animated.has(p)), 'props never animated').to.deep.equal([]);
      const easings = new Set(steps.flatMap((c) => (c.op === 'animate' ? [c.easing] : [])));
      expect(EASINGS.filter((e) => !easings.has(e)), 'easings never used').to.deep.equal([]);
      const keys = new Set(steps.flatMap((c) => (c.op === 'key' ? [c.key] : [])));
      expect(KEYS.filter((k) => !keys.has(k)), 'keys never pressed').to.deep.equal([]);
    });

    it('together set every value of each enumerated property', () => {
      const steps = smoke.flatMap((s) => s.steps);
      expect(Object.keys(PROPERTY_VALUES)).to.have.members(['direction', 'position', 'align', 'justify', 'textAlign', 'fit']);
      for (const [prop, values] of Object.entries(PROPERTY_VALUES)) {
        const used = new Set(steps.flatMap((c) => (c.op === 'set' && c.prop === prop ? [c.value] : [])));
        expect(values.filter((v) => !used.has(v)), `values of ${prop} never set`).to.deep.equal([]);
      }
    });

    it('together expect every error event code (node-limit aside)', () => {
      const expected = new Set(smoke.flatMap((s) => s.expect.flatMap((x) => (x.kind === 'event' && x.event.code ? [x.event.code] : []))));
      expect(ERROR_CODES.filter((c) => !expected.has(c)), 'error codes never expected').to.deep.equal([]);
      expect(expected.has('focus-changed') && expected.has('animation-end'), 'focus and animation events').to.equal(true);
    });

    it('use only the real PNGs under scenarios/assets', () => {
      const declared = smoke.flatMap((s) => [...s.assets.values()]);
      expect(declared.length).to.be.at.least(4);
      for (const p of declared) expect(p.startsWith(join(SCENARIOS, 'assets'))).to.equal(true);
    });
  });

  it('has unique scenario ids across scenarios/', () => {
    const ids = findScenarios([SCENARIOS]).map((f) => loadScenarioSync(f).id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).to.deep.equal([]);
  });

  describe('expectations hold on the legacy engine', () => {
    for (const s of [...quirks, ...smoke]) {
      it(s.id, async () => {
        const problems = await problemsOf(s);
        expect(problems, problems.join('\n')).to.deep.equal([]);
      });
    }
  });
});
