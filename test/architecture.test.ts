import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'target' || name === 'pkg') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Every relative import of a file, resolved to a repo-relative path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => relative(root, resolve(dirname(file), s)));
}

describe('architecture', () => {
  it('engines never import the harness', () => {
    const offenders = tsFiles(join(root, 'engines'))
      .flatMap((f) => importsOf(f).filter((i) => i.startsWith('harness')).map((i) => `${relative(root, f)} -> ${i}`));
    expect(offenders).to.deep.equal([]);
  });

  it('the two engines share only engines/shared', () => {
    const cross = (from: string, to: string) =>
      tsFiles(join(root, 'engines', from))
        .flatMap((f) => importsOf(f).filter((i) => i.startsWith(`engines/${to}`)).map((i) => `${relative(root, f)} -> ${i}`));
    expect([...cross('legacy-js', 'wasm'), ...cross('wasm', 'legacy-js')]).to.deep.equal([]);
  });

  it('engines/shared imports nothing outside itself', () => {
    const offenders = tsFiles(join(root, 'engines', 'shared'))
      .flatMap((f) => importsOf(f).filter((i) => !i.startsWith('engines/shared')).map((i) => `${relative(root, f)} -> ${i}`));
    expect(offenders).to.deep.equal([]);
  });
});
