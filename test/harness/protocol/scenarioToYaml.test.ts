import { expect } from 'chai';
import fc from 'fast-check';
import { canonicalJson, commandToYaml, parseScenario, scenarioToYaml } from '../../../harness/protocol/index.ts';
import type { Scenario } from '../../../harness/protocol/index.ts';
import { scenario } from './arbitraries.ts';

const ROOT = '/virtual/scenarios';

/** Everything but the line numbers, as canonical JSON (tells -0 from 0, Map order kept). */
function content(s: Scenario): string {
  const { stepLines, expectLines, assets, ...rest } = s;
  return canonicalJson({ ...rest, assets: [...assets] });
}

describe('harness/protocol scenarioToYaml', () => {
  it('writes each step as one flow-style line', () => {
    expect(commandToYaml({ op: 'set', id: 1, prop: 'width', value: 40 })).to.equal('set: { id: 1, prop: width, value: 40 }');
    expect(commandToYaml({ op: 'frame' })).to.equal('frame: {}');
    expect(commandToYaml({ op: 'set', id: 2, prop: 'text', value: 'true' })).to.equal('set: { id: 2, prop: text, value: "true" }');
    expect(commandToYaml({ op: 'set', id: 2, prop: 'text', value: 'a\ud800😀' })).to.equal('set: { id: 2, prop: text, value: "a\\ud800😀" }');
    expect(commandToYaml({ op: 'tick', ms: -0 })).to.equal('tick: { ms: -0 }');
  });

  it('gives back the same scenario when its YAML is parsed', () => {
    fc.assert(fc.property(scenario(ROOT), (s) => {
      const text = scenarioToYaml(s);
      const back = parseScenario(text, s.file);
      expect(content(back)).to.equal(content(s));
      expect(back.stepLines).to.have.length(s.steps.length);
      expect(scenarioToYaml(back)).to.equal(text);
    }), { numRuns: 200 });
  });

  it('puts each step on its own line, so stepLines count up by one', () => {
    fc.assert(fc.property(scenario(ROOT), (s) => {
      const back = parseScenario(scenarioToYaml(s), s.file);
      back.stepLines.forEach((line, i) => expect(line).to.equal(back.stepLines[0] + i));
    }), { numRuns: 50 });
  });

  it('writes asset paths relative to the target file', () => {
    const s = parseScenario('id: a\ntitle: T\nviewport: { width: 1, height: 1 }\nassets:\n  img: ../assets/c.png\nsteps: []\n', `${ROOT}/smoke/a.yaml`);
    expect(scenarioToYaml(s)).to.contain('  img: ../assets/c.png\n');
    expect(scenarioToYaml(s, { file: `${ROOT}/regressions/deep/r.yaml` })).to.contain('  img: ../../assets/c.png\n');
  });
});
