import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../../harness/config/loadConfig.ts';
import { runGate } from '../../../harness/gate/runGate.ts';
import { tempReports } from '../run/helpers.ts';

const root = resolve(import.meta.dirname, '../../..');

/** A small wave: the smoke scenarios, their goldens and a fuzz budget. */
const config = () => parseConfig([
  'determinismSample: 1',
  'defaultWave: small',
  'waves:',
  '  small:',
  '    scenarios: [scenarios/smoke]',
  '    fuzz: { runs: 16, seed: 7 }',
].join('\n'), join(root, 'parity.config.yaml'));

/** The gate, stopped as soon as a phase whose announcement starts with `phase` begins. */
async function gateStoppedAt(phase: string) {
  let stop = false;
  return runGate({
    config: config(), reportsDir: tempReports(), command: 'gate (test)', today: '2026-11-27',
    onPhase: (text) => { if (text.startsWith(phase)) stop = true; },
    shouldStop: () => stop,
  });
}

describe('parity gate, interrupted', function () {
  this.timeout(180_000);

  it('is NO-GO with exit 3 when the stop lands during golden verify, and summary.json says interrupted', async () => {
    const { results, runDir } = await gateStoppedAt('wave small: golden verify');
    expect(results.gate!.verdict).to.equal('no-go');
    expect(results.gate!.reasons.join('\n')).to.contain('interrupted');
    expect(results.summary).to.include({ exitClass: 3, interrupted: true, total: 16, planned: 32 });
    expect(results.cases.every((c) => !c.id.startsWith('golden:'))).to.equal(true);
    expect(results.gate!.fuzz).to.equal(undefined);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect(summary).to.include({ verdict: 'no-go', exitClass: 3, interrupted: true, done: 16, planned: 32 });
  });

  it('is NO-GO with exit 3 when the stop lands during the fuzz budget, and the fuzz summary says how much of it ran', async () => {
    const { results } = await gateStoppedAt('fuzz: seed 7');
    expect(results.summary).to.include({ exitClass: 3, interrupted: true });
    expect(results.gate!.verdict).to.equal('no-go');
    expect(results.gate!.fuzz).to.include({ interrupted: true, planned: 16 });
    expect(results.gate!.fuzz!.runs).to.be.lessThan(16);
  });
});
