import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../../../engines/shared/protocol.ts';
import { describeRegressionWrite, writeRegression } from '../../../harness/minimize/writeRegression.ts';
import type { RegressionInput } from '../../../harness/minimize/writeRegression.ts';
import { loadScenarioSync } from '../../../harness/protocol/scenario.ts';
import { tempRegressions } from '../fuzz/helpers.ts';

const FP = 'aaaaaaaaaaaa';
const step = (width: number): Command => ({ op: 'set', id: 1, prop: 'width', value: width });
const stream = (...middle: Command[]): Command[] => [{ op: 'create', id: 1, type: 'view' }, ...middle, { op: 'append', parent: 0, child: 1 }, { op: 'frame' }];

function input(steps: readonly Command[], o: { fingerprint?: string; quirks?: string; candidate?: string } = {}): RegressionInput {
  const fingerprint = o.fingerprint ?? FP;
  return {
    fingerprint, title: `find ${fingerprint}`, viewport: { width: 16, height: 16 }, steps, images: new Map(),
    provenance: {
      tool: 'parity minimize', fingerprint, signature: 'layout:#1 box.width',
      referenceName: 'legacy-js', candidateName: o.candidate ?? 'wasm',
      reference: 'legacy-js 0.1.0 aaa', candidate: `${o.candidate ?? 'wasm'} 0.1.0 bbb`, candidateQuirks: o.quirks ?? 'all on',
    },
  };
}

const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const sha12 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

describe('harness/minimize writeRegression', () => {
  it('writes <fingerprint>.yaml when no file is there', () => {
    const dir = tempRegressions();
    const w = writeRegression(dir, input(stream(step(3))));
    expect(w).to.deep.equal({ action: 'written', file: join(dir, `${FP}.yaml`) });
    expect(loadScenarioSync(w.file).id).to.equal(`regression-${FP}`);
    expect(describeRegressionWrite(w, dir)).to.equal(`wrote ${FP}.yaml`);
  });

  it('never touches a file holding another fingerprint: writes <fingerprint>-2.yaml beside it and says so', () => {
    const dir = tempRegressions();
    const other = writeRegression(dir, { ...input(stream(step(9)), { fingerprint: 'bbbbbbbbbbbb' }) });
    // a file named for FP that holds another find (how issue 11 lost a reproducer)
    writeFileSync(join(dir, `${FP}.yaml`), readFileSync(other.file, 'utf8'));
    const before = readFileSync(join(dir, `${FP}.yaml`), 'utf8');
    const w = writeRegression(dir, input(stream(step(3))));
    expect(w).to.include({ action: 'written-beside', file: join(dir, `${FP}-2.yaml`), beside: join(dir, `${FP}.yaml`) });
    expect(readFileSync(join(dir, `${FP}.yaml`), 'utf8')).to.equal(before);
    expect(loadScenarioSync(w.file)).to.include({ id: `regression-${FP}-2` });
    expect(describeRegressionWrite(w, dir)).to.equal(`${FP}.yaml holds the reproducer of fingerprint bbbbbbbbbbbb: left it untouched and wrote ${FP}-2.yaml`);
  });

  it('treats an unreadable file, or one run with other compat flags or engines, as another reproducer', () => {
    const dir = tempRegressions();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${FP}.yaml`), 'this: [is not a scenario\n');
    const unreadable = writeRegression(dir, input(stream(step(3))));
    expect(unreadable).to.include({ action: 'written-beside', file: join(dir, `${FP}-2.yaml`), holds: 'an unreadable scenario' });
    const flags = writeRegression(dir, input(stream(), { quirks: 'off: zindex-string-sort' }));
    expect(flags).to.include({ action: 'written-beside', file: join(dir, `${FP}-3.yaml`) });
    const engines = writeRegression(dir, input(stream(), { candidate: 'mutant' }));
    expect(engines).to.include({ action: 'written-beside', file: join(dir, `${FP}-4.yaml`) });
    expect(readFileSync(join(dir, `${FP}.yaml`), 'utf8')).to.equal('this: [is not a scenario\n');
    expect(files(dir)).to.have.length(4);
  });

  it('replaces a reproducer of the same find only with a smaller one, and records what it replaced', () => {
    const dir = tempRegressions();
    const first = writeRegression(dir, input(stream(step(3), step(4))));
    const old = readFileSync(first.file, 'utf8');
    const w = writeRegression(dir, input(stream(step(4))));
    expect(w).to.deep.equal({ action: 'replaced', file: first.file, replaced: { steps: 5, sha256: sha12(old) } });
    const s = loadScenarioSync(w.file);
    expect(s.steps).to.have.length(4);
    expect(s.provenance).to.include({ replacesSteps: 5, replacesSha256: sha12(old) });
    expect(describeRegressionWrite(w, dir)).to.equal(`replaced ${FP}.yaml with this smaller reproducer (it had 5 step(s), sha256 ${sha12(old)})`);
  });

  it('compares bytes when the step counts tie: a shorter stream replaces, a longer one is kept out', () => {
    const dir = tempRegressions();
    const first = writeRegression(dir, input(stream(step(1000))));
    expect(writeRegression(dir, input(stream(step(10))))).to.include({ action: 'replaced', file: first.file });
    const kept = writeRegression(dir, input(stream(step(99999))));
    expect(kept).to.deep.equal({ action: 'kept', file: first.file, keptSteps: 4, offeredSteps: 4, sameSize: false });
    expect(loadScenarioSync(first.file).steps[1]).to.deep.equal(step(10));
  });

  it('keeps the existing smaller reproducer out of a larger one and writes nothing', () => {
    const dir = tempRegressions();
    const first = writeRegression(dir, input(stream(step(3))));
    const before = readFileSync(first.file, 'utf8');
    const w = writeRegression(dir, input(stream(step(3), step(4), step(5))));
    expect(w).to.deep.equal({ action: 'kept', file: first.file, keptSteps: 4, offeredSteps: 6, sameSize: false });
    expect(readFileSync(first.file, 'utf8')).to.equal(before);
    expect(describeRegressionWrite(w, dir)).to.equal(`kept the existing smaller reproducer ${FP}.yaml (4 step(s); this one has 6): nothing written`);
    expect(files(dir)).to.deep.equal([`${FP}.yaml`]);
  });

  it('finds the same find beside another one: <fingerprint>-2.yaml is compared, not a -3 written', () => {
    const dir = tempRegressions();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${FP}.yaml`), 'not: a scenario\n');
    writeRegression(dir, input(stream(step(3), step(4))));
    const w = writeRegression(dir, input(stream(step(3))));
    expect(w).to.include({ action: 'replaced', file: join(dir, `${FP}-2.yaml`) });
    expect(existsSync(join(dir, `${FP}-3.yaml`))).to.equal(false);
  });
});
