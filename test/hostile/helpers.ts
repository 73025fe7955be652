/**
 * The hostile-input battery's tools: a throwaway project folder, the CLI run in-process
 * with its output captured, and the checks every hostile case makes (exit class, the
 * place named, no stack trace).
 */
import { expect } from 'chai';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../harness/cli/main.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliOutcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `parity ARGS` in this process, capturing stdout and stderr. */
export async function cli(args: readonly string[]): Promise<CliOutcome> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((chunk: unknown) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

/** No `    at …` frame anywhere: a user-caused fault is one message, not a stack trace. */
export function expectNoStack(o: CliOutcome): void {
  expect(`${o.out}\n${o.err}`).not.to.match(/^\s+at\s/m);
  expect(o.err).not.to.contain('internal error');
}

/** A fresh folder, removed by the returned function. */
export function tempProject(prefix: string): { dir: string; write: (path: string, text: string | Buffer) => string; copy: (from: string, to: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `parity-hostile-${prefix}-`));
  const write = (path: string, text: string | Buffer) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  const copy = (from: string, to: string) => {
    const target = join(dir, to);
    cpSync(resolve(ROOT, from), target, { recursive: true });
    return target;
  };
  return { dir, write, copy, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A scenario of a few steps; `extra` are YAML step lines. */
export function scenarioYaml(id: string, extra: readonly string[] = []): string {
  return [
    `id: ${id}`,
    `title: hostile battery case ${id}`,
    'viewport: { width: 32, height: 18 }',
    'steps:',
    '  - create: { id: 1, type: view }',
    '  - set: { id: 1, prop: background, value: red }',
    '  - append: { parent: 0, child: 1 }',
    ...extra,
    '  - frame: { name: f }',
    '',
  ].join('\n');
}
