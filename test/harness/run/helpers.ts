import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../../harness/config/config.ts';
import type { ParityConfig } from '../../../harness/config/config.ts';
import type { RunResults } from '../../../harness/results/types.ts';

export const root = resolve(import.meta.dirname, '../../..');
export const fixtures = join(root, 'test/fixtures');
export const faulty = join(fixtures, 'engines/faulty.ts');

export function testConfig(overrides: Partial<ParityConfig> = {}): ParityConfig {
  return { ...DEFAULT_CONFIG, baseDir: root, file: null, determinismSample: 2, ...overrides };
}

export function tempReports(): string {
  return mkdtempSync(join(tmpdir(), 'parity-reports-'));
}

/** results.json without the fields that legitimately change between runs (timing and run id). */
export function withoutTiming(path: string): string {
  const r = JSON.parse(readFileSync(path, 'utf8')) as RunResults;
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v)
        .filter(([k]) => !['timing', 'startedAt', 'finishedAt', 'durationMs'].includes(k))
        .map(([k, x]) => [k, strip(x)]));
    }
    return v;
  };
  const { run, ...rest } = r;
  return JSON.stringify({ ...(strip(rest) as object), run: { command: run.command, target: run.target } });
}
