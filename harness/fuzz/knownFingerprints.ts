/**
 * Divergences the fuzzer must not file again: saved regressions (each file under
 * scenarios/regressions/ carries its fingerprint) and waivers by fingerprint. Catalogued
 * quirks are known only when the candidate runs with their compat flag off, which the
 * fuzz workers establish per stream (a stream that passes with every flag on).
 */
import { existsSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { Waiver } from '../config/waves.ts';
import { isExpired } from '../config/waves.ts';
import { findScenarios } from '../protocol/findScenarios.ts';
import { loadScenarioSync } from '../protocol/scenario.ts';

export type KnownBy = 'regression' | 'waiver' | 'quirk';

export interface KnownFingerprints {
  /** Fingerprint -> saved regression file (relative to cwd). */
  readonly regressions: ReadonlyMap<string, string>;
  /** Fingerprint -> index into the waivers list. */
  readonly waivers: ReadonlyMap<string, number>;
}

const FINGERPRINT = /^[0-9a-f]{12}$/;

/** The fingerprint a saved regression reproduces: its provenance, else its id, else its file name. */
export function regressionFingerprint(file: string): string | null {
  try {
    const s = loadScenarioSync(file);
    const fp = s.provenance?.fingerprint;
    if (typeof fp === 'string' && FINGERPRINT.test(fp)) return fp;
    const m = /^regression-([0-9a-f]{12})$/.exec(s.id);
    if (m) return m[1];
  } catch {
    // unreadable files are reported by the scenario phase; the file name may still tell
  }
  const name = basename(file, '.yaml');
  return FINGERPRINT.test(name) ? name : null;
}

export function loadKnownFingerprints(regressionsDir: string, waivers: readonly Waiver[], today: string, cwd = process.cwd()): KnownFingerprints {
  const regressions = new Map<string, string>();
  if (existsSync(regressionsDir)) {
    for (const file of findScenarios([regressionsDir])) {
      const fp = regressionFingerprint(file);
      if (fp !== null && !regressions.has(fp)) regressions.set(fp, relative(cwd, file));
    }
  }
  const byWaiver = new Map<string, number>();
  waivers.forEach((w, i) => {
    if (w.fingerprint !== undefined && !isExpired(w, today) && !byWaiver.has(w.fingerprint)) byWaiver.set(w.fingerprint, i);
  });
  return { regressions, waivers: byWaiver };
}

export function knownBy(known: KnownFingerprints, fingerprint: string, attributed: boolean | undefined): KnownBy | null {
  if (attributed === true) return 'quirk';
  if (known.regressions.has(fingerprint)) return 'regression';
  if (known.waivers.has(fingerprint)) return 'waiver';
  return null;
}
