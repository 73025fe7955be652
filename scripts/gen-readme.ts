/**
 * Regenerates README.md's generated tables (between <!-- START:name --> and
 * <!-- END:name --> markers) from their sources: the property table from
 * engines/shared/properties.ts, the quirk catalogue from scenarios/quirks/*.yaml.
 *
 *   npx tsx scripts/gen-readme.ts          rewrite README.md
 *   npx tsx scripts/gen-readme.ts --check  exit 1 if README.md is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROPERTIES } from '../engines/shared/properties.ts';
import { findScenarios } from '../harness/protocol/findScenarios.ts';
import { loadScenarioSync } from '../harness/protocol/scenario.ts';

const root = resolve(import.meta.dirname, '..');
const README = join(root, 'README.md');

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();

export function propertiesTable(): string {
  const rows = PROPERTIES.map((p) => `| \`${p.name}\` | ${p.group} | \`${JSON.stringify(p.default)}\` | ${cell(p.accepts)}${'animatable' in p && p.animatable ? ' (animatable)' : ''} |`);
  return ['| property | group | default | accepts |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function quirksTable(): string {
  const files = findScenarios([join(root, 'scenarios/quirks')]);
  const rows = files.map((f) => {
    const s = loadScenarioSync(f);
    const q = s.quirk!;
    return `| [\`${s.id}\`](scenarios/quirks/${s.id}.yaml) | ${q.tags.map((t) => `\`${t}\``).join(' ')} | ${cell(q.legacy)} | ${cell(q.correct)} | ${cell(q.why)} |`;
  });
  return [
    `${files.length} catalogued quirks. Each is a scenario in \`scenarios/quirks/\` proving the legacy behaviour, and a compat flag of the same id in the Wasm engine (on by default; \`--quirk-off ID\` turns it off).`,
    '',
    '| id | tags | legacy engine | a correct engine | why apps depend on it |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function renderReadme(text: string): string {
  const sections: Record<string, () => string> = { properties: propertiesTable, quirks: quirksTable };
  let out = text;
  for (const [name, make] of Object.entries(sections)) {
    const re = new RegExp(`(<!-- START:${name} -->\\n)[\\s\\S]*?(<!-- END:${name} -->)`);
    if (!re.test(out)) throw new Error(`README.md: missing <!-- START:${name} --> / <!-- END:${name} --> markers`);
    out = out.replace(re, (_m, start: string, end: string) => `${start}${make()}\n${end}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const current = readFileSync(README, 'utf8');
  const next = renderReadme(current);
  if (process.argv.includes('--check')) {
    if (current !== next) {
      console.error('README.md is out of date: run `npx tsx scripts/gen-readme.ts`');
      process.exit(1);
    }
  } else writeFileSync(README, next);
}
