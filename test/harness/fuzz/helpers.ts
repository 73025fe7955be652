/**
 * Shared pieces of the fuzzer's tests: a config rooted at the repo, a temporary
 * scenarios/regressions folder, the mutant fixture engine and in-process engines.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../../harness/config/config.ts';
import type { ParityConfig } from '../../../harness/config/config.ts';
import type { EngineSpec } from '../../../harness/engines/registry.ts';

export const root = resolve(import.meta.dirname, '../../..');
export const MUTANT: EngineSpec = { module: join(root, 'test/fixtures/engines/mutant.ts') };
export const FAULTY_HANGS: EngineSpec = { module: join(root, 'test/fixtures/engines/faulty.ts'), options: { fault: 'hangs' } };
export const LEGACY: EngineSpec = { builtin: 'legacy-js' };

export function testConfig(overrides: Partial<ParityConfig> = {}): ParityConfig {
  return { ...DEFAULT_CONFIG, baseDir: root, file: null, workers: 2, determinismSample: 2, ...overrides };
}

/** A fresh <tmp>/scenarios/regressions folder (inside a `scenarios` folder, as in the repo). */
export function tempRegressions(): string {
  return join(mkdtempSync(join(tmpdir(), 'parity-fuzz-')), 'scenarios', 'regressions');
}
