import { expect } from 'chai';
import { parseScenario, scenarioToYaml } from '../../../harness/protocol/index.ts';
import { ScenarioErrors } from '../../../harness/protocol/scenarioError.ts';

const FILE = '/virtual/scenarios/regressions/r.yaml';
const HEAD = 'id: r\ntitle: T\nviewport: { width: 8, height: 8 }\n';

describe('harness/protocol provenance', () => {
  it('reads a flat map of scalars in file order and writes it back byte for byte', () => {
    const text = `${HEAD}provenance:\n  tool: parity fuzz\n  seed: 7\n  fcPath: "0:1:2"\n  fingerprint: "123456789012"\n  oneMinimal: true\nsteps:\n  - frame: {}\n`;
    const s = parseScenario(text, FILE);
    expect(s.provenance).to.deep.equal({ tool: 'parity fuzz', seed: 7, fcPath: '0:1:2', fingerprint: '123456789012', oneMinimal: true });
    expect(Object.keys(s.provenance!)).to.deep.equal(['tool', 'seed', 'fcPath', 'fingerprint', 'oneMinimal']);
    expect(scenarioToYaml(s)).to.equal(text);
  });

  it('is optional: scenarios without it have no provenance field', () => {
    expect(parseScenario(`${HEAD}steps: []\n`, FILE)).to.not.have.property('provenance');
  });

  it('rejects nested values and odd field names with their location', () => {
    const bad = `${HEAD}provenance:\n  seed: [1, 2]\n  "bad key": 1\nsteps: []\n`;
    expect(() => parseScenario(bad, FILE)).to.throw(ScenarioErrors, /r\.yaml:5:\d+.*one-line string/s);
  });
});
