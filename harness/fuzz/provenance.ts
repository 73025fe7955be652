/**
 * The `provenance:` map of a reproducer (docs/scenario-format.md): where it came from
 * (seed, run, fast-check seed and path, or the source file), which engines (by the name
 * the user gave and by identity) and compat flags, how far it was reduced, the first
 * diverging step and the 1-minimality check.
 * Flat, date-free and in a fixed order, so the same find writes the same bytes.
 */
import type { EngineIdentity } from '../engines/types.ts';
import type { MinimizeResult } from '../minimize/minimize.ts';
import { commandToYaml } from '../protocol/scenarioToYaml.ts';
import type { Provenance } from '../protocol/scenarioTypes.ts';
import { runSeed } from './runSeed.ts';

const idLine = (e: EngineIdentity) => `${e.name} ${e.version} ${e.build}`;

export interface ProvenanceInput {
  readonly tool: string;
  readonly fingerprint: string;
  readonly signature: string;
  readonly seed?: number;
  readonly run?: number;
  readonly source?: string;
  /** The engines as the user named them (command line or config: `parity replay` takes these names). */
  readonly names: { readonly reference: string; readonly candidate: string };
  readonly identities: { readonly reference: EngineIdentity; readonly candidate: EngineIdentity };
  readonly off: readonly string[];
  readonly originalSteps: number;
  readonly result?: MinimizeResult;
  /** Where the find's cases ran, and where it was minimized (written only off the default node target). */
  readonly target?: string;
  readonly minimizedOn?: string;
}

/** Fields in a fixed order; the minimization fields only when it was minimized. */
export function provenanceOf(p: ProvenanceInput): Provenance {
  const r = p.result;
  const out: Record<string, string | number | boolean> = { tool: p.tool, fingerprint: p.fingerprint, signature: p.signature };
  if (p.seed !== undefined) out.seed = p.seed;
  if (p.run !== undefined) {
    out.run = p.run;
    out.fcSeed = runSeed(p.seed ?? 0, p.run);
  }
  if (r?.fcPath !== undefined) out.fcPath = r.fcPath;
  if (p.source !== undefined) out.source = p.source;
  out.referenceName = p.names.reference;
  out.candidateName = p.names.candidate;
  out.reference = idLine(p.identities.reference);
  out.candidate = idLine(p.identities.candidate);
  out.candidateQuirks = p.off.length > 0 ? `off: ${p.off.join(', ')}` : 'all on';
  if (p.target !== undefined) out.target = p.target;
  if (p.minimizedOn !== undefined) out.minimizedOn = p.minimizedOn;
  out.originalSteps = p.originalSteps;
  if (r) {
    out.shrunkSteps = r.shrunkSteps;
    out.steps = r.steps.length;
    out.firstDivergingStep = r.firstDivergingStep;
    if (r.firstDivergingStep >= 0) out.firstDivergingCommand = commandToYaml(r.steps[r.firstDivergingStep]);
    out.oneMinimal = r.minimality.oneMinimal;
    out.removalsChecked = r.minimality.checked;
    out.removalsReproducing = r.minimality.reproducing.length;
    out.minimizeComplete = r.complete;
  } else {
    out.minimized = false;
  }
  return out;
}

