/** The gate's one-screen summary: verdict first, then why, then where to look. */
import { describeDivergence } from '../../compare/describe.ts';
import type { Divergence } from '../../compare/types.ts';
import { CLASSES } from '../../gate/classify.ts';
import type { RunResults } from '../../results/types.ts';
import { replayCommandFor } from '../../results/replayHint.ts';

export function formatGateSummary(r: RunResults, runDir: string, reportPath: string): string {
  const g = r.gate!;
  const lines: string[] = [];
  const shard = g.shard ? ` (shard ${g.shard.index}/${g.shard.count})` : '';
  lines.push(`parity gate — wave ${g.wave}${shard}: ${g.verdict === 'go' ? 'GO' : 'NO-GO'} (exit ${r.summary!.exitClass})`);
  lines.push(`  engines: ${r.engines.reference.name}@${r.engines.reference.build} (reference) vs ${r.engines.candidate.name}@${r.engines.candidate.build}`);
  lines.push(`  cases: ${CLASSES.map((k) => `${k} ${g.byClass[k]}`).join(' · ')}  in ${((r.run.durationMs ?? 0) / 1000).toFixed(1)} s`);
  if (g.fuzz) lines.push(`  fuzz: seed ${g.fuzz.seed}, ${g.fuzz.runs} run(s): ${g.fuzz.passed} passed, ${g.fuzz.known} known, ${g.fuzz.found} new`);
  const q = g.quirks;
  const count = (s: string) => q.filter((x) => x.status === s).length;
  lines.push(`  quirk parity: ${count('reproduced')}/${q.length} reproduced, ${count('diverges')} diverge, ${count('waived')} waived, ${count('not-exercised')} not exercised (${q.filter((x) => x.required).length} required)`);
  for (const w of g.waivers.filter((w) => w.status !== 'active')) lines.push(`  waiver ${w.fingerprint ?? w.quirk} (${w.owner}, expires ${w.expires}): ${w.status.toUpperCase()}`);
  for (const reason of g.reasons) lines.push(`  ✗ ${reason}`);
  const shown = r.cases.filter((c) => c.classification === 'new-divergence' || c.classification === 'crash' || c.classification === 'timeout' || c.classification === 'error').slice(0, 8);
  for (const c of shown) {
    const text = c.status === 'error' ? c.error!.message : c.divergences[0] ? describeDivergence(c.divergences[0] as Divergence).summary : c.error?.message ?? c.status;
    lines.push(`  ${c.classification}: ${c.id}${c.quirk ? ` [${c.quirk}]` : ''}: ${text}`);
    const replay = c.status === 'error' ? null : replayCommandFor(c, r);
    if (replay) lines.push(`    replay: ${replay}`);
  }
  lines.push(`  results: ${runDir}/results.json · junit: ${runDir}/junit.xml · summary: ${runDir}/summary.json`);
  lines.push(`  report: ${reportPath}`);
  return lines.join('\n');
}
