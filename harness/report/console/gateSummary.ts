/** The gate's one-screen summary: verdict first, then why, then where to look. Words only: the numbers are the verdict's. */
import { describeDivergence } from '../../compare/describe.ts';
import type { Divergence } from '../../compare/types.ts';
import type { RunResults } from '../../results/types.ts';
import { causeAndSymptom, causeText, symptomText } from '../../results/causeAndSymptom.ts';
import { namedDivergence, replayCommandFor } from '../../results/replayHint.ts';
import { classOf, isFailing } from '../../results/verdict.ts';
import { classCountsText, fuzzCountsText, identityCountsText, verdictHeadline } from '../../results/verdictText.ts';

export function formatGateSummary(r: RunResults, runDir: string, reportPath: string): string {
  const g = r.gate!;
  const v = r.verdict!;
  const lines: string[] = [];
  const shard = g.shard ? ` (shard ${g.shard.index}/${g.shard.count})` : '';
  lines.push(`parity gate — wave ${g.wave}${shard}: ${verdictHeadline(v)}`);
  lines.push(`  engines: ${r.engines.reference.name}@${r.engines.reference.build} (reference) vs ${r.engines.candidate.name}@${r.engines.candidate.build}`);
  lines.push(`  cases: ${classCountsText(v)}  in ${((r.run.durationMs ?? 0) / 1000).toFixed(1)} s`);
  lines.push(`  identities: ${identityCountsText(v)}`);
  if (g.fuzz && v.counts.fuzz) lines.push(`  fuzz: seed ${g.fuzz.seed}, ${fuzzCountsText(v.counts.fuzz)}`);
  const q = g.quirks;
  const count = (s: string) => q.filter((x) => x.status === s).length;
  lines.push(`  quirk parity: ${count('reproduced')}/${q.length} reproduced, ${count('diverges')} diverge, ${count('waived')} waived, ${count('not-exercised')} not exercised (${q.filter((x) => x.required).length} required)`);
  for (const w of g.waivers.filter((w) => w.status !== 'active')) lines.push(`  waiver ${w.fingerprint ?? w.quirk} (${w.owner}, expires ${w.expires}): ${w.status.toUpperCase()}`);
  for (const reason of v.reasons) lines.push(`  ✗ ${reason}`);
  const shown = r.cases.filter(isFailing).slice(0, 8);
  for (const c of shown) {
    const text = c.status === 'error' ? c.error!.message : c.divergences[0] ? describeDivergence(c.divergences[0] as Divergence).summary : c.error?.message ?? c.status;
    lines.push(`  ${classOf(c)}: ${c.id}${c.quirk ? ` [${c.quirk}]` : ''}: ${text}`);
    const named = c.status === 'error' ? undefined : namedDivergence(c);
    if (named) {
      const where = causeAndSymptom(named);
      lines.push(`    identity ${named.fingerprint} · cause: ${causeText(where)} · symptom: ${symptomText(where)}`);
    }
    const replay = c.status === 'error' ? null : replayCommandFor(c, r);
    if (replay) lines.push(`    replay: ${replay}`);
  }
  lines.push(`  results: ${runDir}/results.json · junit: ${runDir}/junit.xml · summary: ${runDir}/summary.json`);
  lines.push(`  report: ${reportPath}`);
  return lines.join('\n');
}
