/**
 * `npm run bench:triage`: how well divergence identity tells causes apart. Builds the
 * distinct-cause corpus (harness/fuzz/triage.ts): each of the 18 compat flags off in the
 * Wasm engine, and mutant fixtures (one off-by-one property each, all under one engine
 * name so only the identity's other parts can tell them apart), each fuzzed and run
 * through every scenario; then pairs of causes together. Writes reports/bench/triage.json
 * (every merged identity with its causes, identities per cause); the last line is
 *   bench:triage causes=<n> identities=<m> merged=<k> split=<s> unattributed=<u>
 *
 * Options: --runs 100 (fuzz runs per cause) --seed 1 --workers N
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { QUIRK_IDS } from '../engines/shared/quirks.ts';
import { loadConfig } from '../harness/config/loadConfig.ts';
import { findScenarios } from '../harness/protocol/findScenarios.ts';
import { loadScenarioSync } from '../harness/protocol/scenario.ts';
import { identitiesOfCause, triageCounts, unattributed } from '../harness/fuzz/triage.ts';
import type { IdentitySet, TriageCause } from '../harness/fuzz/triage.ts';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' } } });
const budget = { runs: Number(values.runs ?? 100), seed: Number(values.seed ?? 1), ...(values.workers ? { workers: Number(values.workers) } : {}) };
const root = resolve(import.meta.dirname, '..');
const config = loadConfig(join(root, 'parity.config.yaml'));
const reference = { builtin: 'legacy-js' } as const;
const scenarios = findScenarios([join(root, 'scenarios/quirks'), join(root, 'scenarios/smoke')]).map((f) => loadScenarioSync(f));
const log = (s: string) => process.stderr.write(`${s}\n`);

const MUTANT_PROPS = ['padding', 'gap', 'margin', 'fontSize', 'borderWidth', 'radius'];
const mutant = (prop: string): TriageCause => ({
  name: `mutant:${prop}`,
  candidate: { module: join(root, 'test/fixtures/engines/mutant.ts'), options: { prop, name: 'mutant' } },
});
const flagOff = (...ids: string[]): TriageCause => ({
  name: ids.map((id) => `flag:${id}`).join('+'),
  candidate: { builtin: 'wasm' },
  candidateQuirks: Object.fromEntries(ids.map((id) => [id, false])),
});
const singles: TriageCause[] = [...QUIRK_IDS.map((id) => flagOff(id)), ...MUTANT_PROPS.map(mutant)];
const PAIRS: readonly [TriageCause, string, string][] = [
  [flagOff('zindex-string-sort', 'short-hex-color'), 'flag:zindex-string-sort', 'flag:short-hex-color'],
  [flagOff('round-half-up', 'coord-int32-truncation'), 'flag:round-half-up', 'flag:coord-int32-truncation'],
  [flagOff('opacity-not-compounded', 'clip-ignores-radius'), 'flag:opacity-not-compounded', 'flag:clip-ignores-radius'],
  [{ name: 'mutant:padding+gap', candidate: { module: join(root, 'test/fixtures/engines/mutant.ts'), options: { prop: 'padding,gap', name: 'mutant' } } }, 'mutant:padding', 'mutant:gap'],
];

const byCause = new Map<string, IdentitySet>();
for (const cause of singles) {
  const t = performance.now();
  byCause.set(cause.name, await identitiesOfCause(cause, { config, reference, scenarios, budget }));
  log(`bench:triage: ${cause.name}: ${byCause.get(cause.name)!.size} identities (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
const counts = triageCounts(byCause);
const combos = [];
for (const [cause, a, b] of PAIRS) {
  const ids = await identitiesOfCause(cause, { config, reference, scenarios, budget });
  const stray = unattributed(ids, byCause.get(a)!, byCause.get(b)!);
  combos.push({ cause: cause.name, identities: ids.size, unattributed: stray.map((id) => ids.get(id)) });
  log(`bench:triage: ${cause.name}: ${ids.size} identities, ${stray.length} under neither cause alone`);
}
for (const m of counts.merged) log(`  merged ${m.identity} ${m.signature}: ${m.causes.join(', ')}`);

const out = join(root, 'reports/bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'triage.json'), `${JSON.stringify({
  budget, counts, combos,
  causes: Object.fromEntries([...byCause].map(([c, ids]) => [c, [...ids.values()].sort()])),
}, null, 2)}\n`);
const stray = combos.reduce((n, c) => n + c.unattributed.length, 0);
console.log(`bench:triage causes=${counts.causes} identities=${counts.identities} merged=${counts.merged.length} split=${counts.split} unattributed=${stray}`);
