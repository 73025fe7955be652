/**
 * Writes the evidence of a diverging case: both engines' full frames and layout trees at
 * the first diverging checkpoint, and the diff image. Reports embed these files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Observation } from '../../engines/shared/observation.ts';
import type { Divergence } from '../compare/types.ts';
import { layoutToJson } from '../golden/observationCodec.ts';
import { encodePng } from './artifacts.ts';
import { safeName } from './safeName.ts';
import type { CaseEvidence, EvidenceSide } from './types.ts';

export function writeEvidence(
  runDir: string,
  caseId: string,
  observed: { reference: Observation; candidate: Observation },
  divergences: readonly Divergence[],
): CaseEvidence {
  const rel = join('cases', safeName(caseId));
  mkdirSync(join(runDir, rel), { recursive: true });
  const side = (name: 'reference' | 'candidate'): EvidenceSide => {
    const o = observed[name];
    const layout = join(rel, `${name}.layout.json`);
    writeFileSync(join(runDir, layout), layoutToJson(o.layout));
    if (!o.frame) return { layout };
    const frame = join(rel, `${name}.png`);
    writeFileSync(join(runDir, frame), encodePng(o.frame));
    return { frame, layout };
  };
  const evidence: CaseEvidence = {
    checkpoint: observed.reference.checkpoint,
    step: observed.reference.step,
    reference: side('reference'),
    candidate: side('candidate'),
  };
  const frameDiff = divergences.find((d) => d.kind === 'frame' && d.step === observed.reference.step && d.diffImage);
  if (frameDiff && frameDiff.kind === 'frame' && frameDiff.diffImage) {
    const diff = join(rel, 'diff.png');
    writeFileSync(join(runDir, diff), encodePng(frameDiff.diffImage));
    return { ...evidence, diff };
  }
  return evidence;
}
