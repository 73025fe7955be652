/** The one-screen text summary of a run: verdict, counts, divergence groups, where to look next. Words only: the numbers are the verdict's. */
import { describeDivergence } from '../../compare/describe.ts';
import type { Divergence } from '../../compare/types.ts';
import type { RunResults } from '../../results/types.ts';
import { causeAndSymptom, causeText, symptomText } from '../../results/causeAndSymptom.ts';
import { replayCommandFor } from '../../results/replayHint.ts';
import { classCountsText, verdictHeadline } from '../../results/verdictText.ts';

export function formatRunSummary(r: RunResults, runDir: string, maxGroups = 8): string {
  const s = r.summary!;
  const v = r.verdict!;
  const lines: string[] = [];
  lines.push(`parity ${r.run.command}: ${r.engines.reference.name}@${r.engines.reference.build} vs ${r.engines.candidate.name}@${r.engines.candidate.build}`);
  lines.push(`  ${classCountsText(v)}  (${v.counts.done} cases, ${((r.run.durationMs ?? 0) / 1000).toFixed(1)} s)`);
  if (r.determinism) {
    const d = r.determinism;
    lines.push(d.nondeterministic.length === 0
      ? `  determinism: reference reproduced itself on ${d.sampled.length} sampled case(s)`
      : `  determinism: REFERENCE IS NOT DETERMINISTIC on ${d.nondeterministic.join(', ')} — no verdict can be trusted`);
  }
  for (const c of r.cases.filter((c) => c.status === 'error' || c.status === 'crash' || c.status === 'timeout').slice(0, maxGroups)) {
    if (c.status === 'error') lines.push(`  error: ${c.error!.message.split('\n')[0]}`);
    else lines.push(`  ${c.status}: ${c.id}: ${describeDivergence(c.divergences[0] as Divergence).summary}`);
  }
  const groups = s.groups.filter((g) => r.cases.some((c) => c.status === 'divergence' && g.cases.includes(c.id)));
  if (groups.length > 0) lines.push(`  ${groups.length} divergence group(s), largest first:`);
  for (const g of groups.slice(0, maxGroups)) {
    const first = r.cases.find((c) => c.id === g.cases[0])!;
    const d = first.divergences.find((x) => x.fingerprint === g.fingerprint) as Divergence;
    lines.push(`    [${g.fingerprint}] ${g.signature} — ${g.cases.length} case(s): ${g.cases.slice(0, 3).join(', ')}${g.cases.length > 3 ? ', …' : ''}`);
    const text = describeDivergence(d);
    lines.push(`      ${first.id}: ${text.summary}`);
    for (const detail of text.details.filter((l) => !l.startsWith('fingerprint')).slice(0, 3)) lines.push(`        ${detail}`);
    const where = causeAndSymptom(d);
    lines.push(`      cause: ${causeText(where)} · symptom: ${symptomText(where)}`);
    const replay = replayCommandFor(first, r, { divergence: g.fingerprint });
    if (replay) lines.push(`      replay: ${replay}`);
  }
  if (groups.length > maxGroups) lines.push(`    … ${groups.length - maxGroups} more group(s) in results.json`);
  lines.push(`  verdict: ${verdictHeadline(v)}`);
  for (const reason of v.reasons) lines.push(`  ✗ ${reason}`);
  lines.push(`  results: ${runDir}/results.json · junit: ${runDir}/junit.xml`);
  return lines.join('\n');
}
