import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderReadme } from '../scripts/gen-readme.ts';

const root = resolve(import.meta.dirname, '..');

describe('README', () => {
  it('has generated tables that match their sources (regenerate with npx tsx scripts/gen-readme.ts)', () => {
    const text = readFileSync(join(root, 'README.md'), 'utf8');
    expect(renderReadme(text)).to.equal(text);
  });

  it('has a Quick start that says exactly npm start and npm test', () => {
    const text = readFileSync(join(root, 'README.md'), 'utf8');
    const quick = text.split('## Quick start')[1].split('\n## ')[0];
    const commands = [...quick.matchAll(/^(npm [a-z]+)/gm)].map((m) => m[1]);
    expect(commands).to.deep.equal(['npm start', 'npm test']);
  });
});
