/** The command a developer runs to see a reproducer fail: engines and compat flags spelled out when not the defaults. */
import { relative } from 'node:path';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { ParityConfig } from '../config/config.ts';
import { specLabel } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';

export function quirksOff(quirks: QuirkFlags | undefined): string[] {
  return Object.entries(quirks ?? {}).filter(([, on]) => on === false).map(([id]) => id).sort();
}

export function replayCommand(file: string, o: { config: ParityConfig; reference: EngineSpec; candidate: EngineSpec; candidateQuirks?: QuirkFlags; target?: string }, cwd = process.cwd()): string {
  const parts = ['npx parity replay', relative(cwd, file)];
  if (specLabel(o.reference) !== specLabel(o.config.reference)) parts.push(`--reference ${specLabel(o.reference)}`);
  if (specLabel(o.candidate) !== specLabel(o.config.candidate)) parts.push(`--candidate ${specLabel(o.candidate)}`);
  if (o.config.file !== null && relative(cwd, o.config.file) !== 'parity.config.yaml') parts.push(`--config ${relative(cwd, o.config.file)}`);
  for (const id of quirksOff(o.candidateQuirks)) parts.push(`--quirk-off ${id}`);
  if (o.target !== undefined && o.target !== 'node') parts.push(`--target ${o.target}`);
  return parts.join(' ');
}
