/**
 * Hostile configs: every block validated (waves included), misspelt keys rejected with
 * the closest known one, real calendar dates only. Each is exit 2 from `parity run`
 * with file:line:column and no stack trace; nothing runs on a config that is wrong.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expectNoStack, scenarioYaml, tempProject } from './helpers.ts';

const WAVE = (lines: readonly string[]) => ['waves:', '  w:', '    fuzz: null', ...lines.map((l) => `    ${l}`)].join('\n');
const WAIVER = (fields: string) => `waivers:\n  - { quirk: round-half-up, reason: tracked in ENG-1, owner: layout, ${fields} }`;

/** [what is wrong, the config, the line:column it must name, words the message must hold] */
const CASES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['a wave compare threshold of 7', WAVE(['compare: { frame: { threshold: 7 } }']), '4:36', 'waves.w.compare.frame.threshold: expected a number 0..1'],
  ['a negative top-level threshold', 'compare:\n  frame: { threshold: -1 }', '2:23', 'compare.frame.threshold: expected a number 0..1'],
  ['compare.frame treshold', 'compare:\n  frame: { treshold: 0.1 }', '2:12', 'unknown field "treshold": did you mean "threshold"?'],
  ['a wave compare.frame treshold', WAVE(['compare:', '  frame: { treshold: 0.1 }']), '5:16', 'waves.w.compare.frame: unknown field "treshold": did you mean "threshold"?'],
  ['a misspelt top-level timeoutMS', 'timeoutMS: 100', '1:1', 'unknown setting "timeoutMS": did you mean "timeoutMs"?'],
  ['a misspelt wave key scenario', WAVE(['scenario: [scenarios/]']), '4:5', 'waves.w: unknown setting "scenario": did you mean "scenarios"?'],
  ['a misspelt fuzz seed', 'waves:\n  w:\n    fuzz: { runs: 3, sed: 1 }', '3:22', 'waves.w.fuzz: unknown field "sed": did you mean "seed"?'],
  ['a misspelt quirk id in candidateQuirks', WAVE(['candidateQuirks: { round-half-upp: off }']), '4:24', 'unknown quirk "round-half-upp": did you mean "round-half-up"?'],
  ['a misspelt requireQuirks tags', WAVE(['requireQuirks: { tag: [critical] }']), '4:22', 'unknown field "tag": did you mean "tags"?'],
  ['a wave layout tolerance of -1', WAVE(['compare: { layout: { tolerance: -1 } }']), '4:24', 'waves.w.compare.layout: expected { tolerance: number >= 0 }'],
  ['a misspelt layout tolerence', 'compare:\n  layout: { tolerence: 1 }', '2:13', 'unknown field "tolerence": did you mean "tolerance"?'],
  ['a wave includeAA of "yes"', WAVE(['compare: { frame: { includeAA: "yes" } }']), '4:36', 'waves.w.compare.frame.includeAA: expected true or false, got "yes"'],
  ['a wave fuzzy allowance without a reason', WAVE(['compare: { fuzzy: { maxDifference: 2, totalPixels: 3 } }']), '4:23', 'waves.w.compare.fuzzy: a fuzzy allowance needs a written reason'],
  ['a misspelt fuzzy reason', 'compare:\n  fuzzy: { maxDifference: 2, totalPixels: 3, reason: ok, resaon: x }', '2:58', 'unknown field "resaon": did you mean "reason"?'],
  ['a waiver expiring on 2099-02-30', WAIVER('expires: 2099-02-30'), '2:5', 'a real calendar date, found "2099-02-30"'],
  ['a waiver expiring in month 13', WAIVER('expires: 2027-13-01'), '2:5', 'a real calendar date, found "2027-13-01"'],
  ['a waiver expiring on April 31st', WAIVER('expires: 2027-04-31'), '2:5', 'a real calendar date, found "2027-04-31"'],
  ['a waiver with a misspelt owner', WAIVER('expires: 2027-01-31, ownr: x'), '2:91', 'waivers[0]: unknown field "ownr": did you mean "owner"?'],
  ['an engine declared with a misspelt module', 'engines:\n  mine: { modle: ./adapter.ts }', '2:11', 'engines.mine: unknown field "modle": did you mean "module"?'],
  ['a viewport with a misspelt width', 'viewport: { widht: 10, height: 10 }', '1:13', 'viewport: unknown field "widht": did you mean "width"?'],
];

describe('hostile configs', function () {
  this.timeout(60_000);
  const project = tempProject('config');
  const scenarios = join(project.dir, 'scenarios');
  before(() => project.write('scenarios/ok.yaml', scenarioYaml('ok')));
  after(() => project.remove());

  for (const [what, yaml, place, words] of CASES) {
    it(`exits 2 naming parity.config.yaml:${place} for ${what}`, async () => {
      const file = project.write(`${what.replace(/\W+/g, '-')}/parity.config.yaml`, `${yaml}\n`);
      const reports = join(project.dir, 'reports', what.replace(/\W+/g, '-'));
      const o = await cli(['run', '--config', file, '--out', reports, scenarios]);
      expect(o.code, o.err).to.equal(2);
      expect(o.err).to.contain(`${file}:${place}: `).and.to.contain(words);
      expectNoStack(o);
      expect(existsSync(reports), 'no run starts on a bad config').to.equal(false);
    });
  }

  it('accepts a leap day and a wave compare block that is right (the checks are not blanket refusals)', async () => {
    project.write('good/scenarios/ok.yaml', scenarioYaml('ok'));
    const file = project.write('good/parity.config.yaml', [
      WAIVER('expires: 2028-02-29'),
      WAVE(['scenarios: [scenarios/]', 'requireQuirks: []', 'compare: { frame: { threshold: 0.1, includeAA: false }, layout: { tolerance: 1 } }']),
      'workers: 1',
      '',
    ].join('\n'));
    const o = await cli(['gate', '--config', file, '--out', join(project.dir, 'reports', 'good'), '--json']);
    expectNoStack(o);
    expect(o.err).not.to.contain('parity.config.yaml:');
    const gate = JSON.parse(o.out) as { summary: { exitClass: number; total: number } };
    expect(gate.summary.total).to.be.greaterThan(0);
    expect(o.code).to.equal(gate.summary.exitClass);
  });
});
