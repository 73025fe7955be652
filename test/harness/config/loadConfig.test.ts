import { expect } from 'chai';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../../../harness/config/loadConfig.ts';

const root = resolve(import.meta.dirname, '../../..');
const problems = (text: string): string[] => {
  try {
    parseConfig(text, 'parity.config.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
};

describe('harness/config loadConfig', () => {
  it('reads the repository config: legacy-js against wasm, exact comparison, four waves', () => {
    const c = loadConfig(resolve(root, 'parity.config.yaml'));
    expect(c.reference).to.deep.equal({ builtin: 'legacy-js' });
    expect(c.candidate).to.deep.equal({ builtin: 'wasm' });
    expect(c.compare.layout.tolerance).to.equal(0);
    expect([...c.waves.keys()]).to.deep.equal(['internal', 'one-percent', 'ten-percent', 'everyone']);
    expect(c.defaultWave).to.equal('internal');
    expect(c.waves.get('internal')!.requireQuirks).to.deep.equal({ tags: ['critical'] });
  });

  it('uses the defaults when no config file exists, and names a missing explicit file', () => {
    expect(parseConfig('', 'x.yaml').timeoutMs).to.equal(10_000);
    expect(() => loadConfig('no/such/config.yaml')).to.throw(ConfigError, 'no/such/config.yaml: no such config file');
  });

  it('reports every mistake with file:line:column, expected and found', () => {
    const found = problems('timeoutMs: fast\nworkers: 0\nreference: nope\nfrobnicate: 1\ncompare:\n  layout: { tolerance: -1 }\n');
    expect(found).to.have.length(5);
    expect(found[0]).to.equal('parity.config.yaml:4:1: unknown setting "frobnicate": expected one of reference, candidate, engines, scenarios, viewport, workers, timeoutMs, compare, determinismSample, waves, defaultWave, waivers');
    expect(found.join('\n')).to.contain('parity.config.yaml:1:12: timeoutMs: expected an integer 100..600000 (milliseconds), got "fast"')
      .and.to.contain('parity.config.yaml:2:10: workers: expected "auto" or an integer 1..64, got 0')
      .and.to.contain('parity.config.yaml:3:12: reference: unknown engine "nope"')
      .and.to.contain('parity.config.yaml:6:11: compare.layout: expected { tolerance: number >= 0 }');
  });

  it('requires a reason for a fuzzy allowance', () => {
    expect(problems('compare:\n  fuzzy: { maxDifference: 2, totalPixels: 3 }\n').join()).to.match(/reason/);
  });

  it('validates waves: fuzz budgets, quirk flags and requirements', () => {
    const found = problems([
      'waves:',
      '  w1:',
      '    fuzz: { runs: 10, time: 5s }',
      '    candidateQuirks: { no-such-quirk: off }',
      '    requireQuirks: { tags: critical }',
      '    frob: 1',
    ].join('\n'));
    expect(found.join('\n')).to.contain('waves.w1.fuzz: expected { runs: N, seed: S } or { time: 60s, seed: S }')
      .and.to.contain('unknown quirk "no-such-quirk"')
      .and.to.contain('waves.w1.requireQuirks: expected all, a list of quirk ids, or { tags: [...] }')
      .and.to.contain('waves.w1: unknown setting "frob"');
  });

  it('validates waivers: one of fingerprint or quirk, a reason, an owner and an expiry date', () => {
    const c = parseConfig('waivers:\n  - { quirk: round-half-up, reason: tracked, owner: team, expires: 2027-01-31 }\n', 'x.yaml');
    expect(c.waivers).to.deep.equal([{ quirk: 'round-half-up', reason: 'tracked', owner: 'team', expires: '2027-01-31' }]);
    const found = problems('waivers:\n  - { fingerprint: xyz, reason: "", expires: tomorrow }\n');
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/^parity\.config\.yaml:2:5: waivers\[0\]: expected a fingerprint of 12 lower-case hex digits, a non-empty reason, a non-empty owner, expires as YYYY-MM-DD/);
  });
});
