import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findScenarios, isScenarioError } from '../../../harness/protocol/index.ts';

describe('harness/protocol findScenarios', () => {
  let dir: string;
  let cwd: string;

  before(() => {
    cwd = process.cwd();
    dir = mkdtempSync(path.join(tmpdir(), 'parity-find-'));
    for (const f of ['scenarios/smoke/b.yaml', 'scenarios/smoke/a.yaml', 'scenarios/quirks/z.yaml', 'scenarios/quirks/notes.md', 'scenarios/.hidden/h.yaml', 'scenarios/quirks/deep/d.yaml']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), 'x');
    }
    process.chdir(dir);
  });

  after(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists .yaml files under a folder recursively, sorted, skipping dot-folders', () => {
    expect(findScenarios(['scenarios'])).to.deep.equal(['scenarios/quirks/deep/d.yaml', 'scenarios/quirks/z.yaml', 'scenarios/smoke/a.yaml', 'scenarios/smoke/b.yaml']);
  });

  it('gives the same order whatever the order of its arguments, without duplicates', () => {
    const a = findScenarios(['scenarios/smoke', 'scenarios/quirks/z.yaml', 'scenarios']);
    const b = findScenarios(['scenarios', 'scenarios/smoke']);
    expect(a).to.deep.equal(b);
  });

  it('expands globs with * and **', () => {
    expect(findScenarios(['scenarios/quirks/*.yaml'])).to.deep.equal(['scenarios/quirks/z.yaml']);
    expect(findScenarios(['scenarios/**/d.yaml'])).to.deep.equal(['scenarios/quirks/deep/d.yaml']);
    expect(findScenarios(['scenarios/*/a.yaml'])).to.deep.equal(['scenarios/smoke/a.yaml']);
  });

  it('throws a recognisable error naming a path that matches nothing', () => {
    expect(() => findScenarios(['scenarios/nope'])).to.throw('scenarios/nope: expected a .yaml file, a folder or a glob matching .yaml files, got nothing at this path');
    try {
      findScenarios(['scenarios/*.nothing']);
    } catch (error) {
      expect(isScenarioError(error)).to.equal(true);
    }
  });
});
