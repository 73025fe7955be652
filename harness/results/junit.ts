/**
 * JUnit XML for CI systems, presenting the verdict (./verdict.ts): one testcase per case,
 *   new divergence              <failure>, naming the first diverging checkpoint, what
 *                               differs and how to replay it
 *   crash, timeout, input error <error>
 *   known quirk, known regression (parity fuzz), waived, and new divergences within a
 *   gate's allowance
 *                               <skipped message="…">: reported, not failing
 *   pass                        an empty testcase
 * The testsuite counts are the verdict's, so a GO gate has failures="0" errors="0", and
 * its properties carry the verdict's word, exit class and reasons.
 */
import { describeDivergence } from '../compare/describe.ts';
import type { Divergence } from '../compare/types.ts';
import type { CaseResult, RunResults } from './types.ts';
import { replayCommandFor } from './replayHint.ts';
import { classOf, verdictOf } from './verdict.ts';
import type { Verdict } from './verdict.ts';

export function escapeXml(s: string): string {
  // also drop characters XML 1.0 cannot carry at all (control chars, lone surrogates)
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function summaryOf(c: CaseResult): string {
  if (c.status === 'error') return c.error?.message ?? 'input error';
  const first = c.divergences[0];
  return first ? describeDivergence(first as Divergence).summary : c.status;
}

function failureBody(c: CaseResult, r: RunResults): string {
  if (c.status === 'error') return c.error?.message ?? 'input error';
  const lines = c.divergences.map((d) => {
    const text = describeDivergence(d as Divergence);
    return [text.summary, ...text.details.map((l) => `  ${l}`)].join('\n');
  });
  const replay = replayCommandFor(c, r);
  return [...lines, ...(replay ? [`replay: ${replay}`] : [])].join('\n');
}

/** Why a case is reported but not failing, or null when it fails, errs or passes. */
function skipMessage(c: CaseResult, r: RunResults, v: Verdict): string | null {
  switch (classOf(c)) {
    case 'known-quirk':
      return `known quirk ${c.quirk ?? '(unattributed)'}: ${summaryOf(c)}`;
    case 'waived': {
      const w = c.waiver !== undefined ? r.gate?.waivers[c.waiver] : undefined;
      return w ? `waived: ${w.reason} (${w.owner}, expires ${w.expires})` : `waived: ${summaryOf(c)}`;
    }
    case 'new-divergence':
      return v.counts.allowed > 0 ? `allowed: one of ${v.counts.allowed} new divergence(s) within the wave's allowance of ${r.gate?.allowDivergences ?? 0}: ${summaryOf(c)}` : null;
    default:
      return null;
  }
}

function testcase(c: CaseResult, r: RunResults, v: Verdict): string[] {
  const time = (ms: number) => (ms / 1000).toFixed(3);
  const classname = c.source.kind === 'scenario' ? c.source.file : `fuzz.seed${c.source.seed}`;
  const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(c.id)}" time="${time(c.timing.totalMs)}">`;
  const cls = classOf(c);
  if (cls === 'pass') return [open, '    </testcase>'];
  const skip = skipMessage(c, r, v);
  if (skip !== null) return [open, `      <skipped message="${escapeXml(skip)}"/>`, '    </testcase>'];
  const tag = cls === 'new-divergence' || cls === 'known-regression' ? 'failure' : 'error';
  const type = cls === 'error' ? 'input-error' : cls;
  return [open, `      <${tag} type="${type}" message="${escapeXml(summaryOf(c))}">${escapeXml(failureBody(c, r))}</${tag}>`, '    </testcase>'];
}

export function toJunit(r: RunResults, suiteName = 'parity'): string {
  const v = verdictOf(r);
  const { done, outcomes } = v.counts;
  const counts = `tests="${done}" failures="${outcomes.failures}" errors="${outcomes.errors}" skipped="${outcomes.skipped}"`;
  const property = (name: string, value: string) => `      <property name="${name}" value="${escapeXml(value)}"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suiteName)}" ${counts}>`,
    `  <testsuite name="${escapeXml(`${r.engines.reference.name} vs ${r.engines.candidate.name}`)}" ${counts} time="${((r.run.durationMs ?? 0) / 1000).toFixed(3)}">`,
    '    <properties>',
    property('verdict', v.word),
    property('exitClass', String(v.exitClass)),
    ...v.reasons.map((reason) => property('reason', reason)),
    '    </properties>',
    ...r.cases.flatMap((c) => testcase(c, r, v)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
