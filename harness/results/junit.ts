/**
 * JUnit XML for CI systems: one testcase per case; a failure names the first diverging
 * checkpoint, what differs, and how to replay it.
 */
import { describeDivergence } from '../compare/describe.ts';
import type { Divergence } from '../compare/types.ts';
import type { CaseResult, RunResults } from './types.ts';
import { replayCommandFor } from './replayHint.ts';

export function escapeXml(s: string): string {
  // also drop characters XML 1.0 cannot carry at all (control chars, lone surrogates)
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}


function failureText(c: CaseResult, r: RunResults): { type: string; message: string; body: string } {
  if (c.status === 'error') {
    const e = c.error!;
    return { type: 'input-error', message: e.message, body: e.message };
  }
  const lines = c.divergences.map((d) => {
    const text = describeDivergence(d as Divergence);
    return [text.summary, ...text.details.map((l) => `  ${l}`)].join('\n');
  });
  const first = c.divergences[0];
  const summary = first ? describeDivergence(first as Divergence).summary : c.status;
  const replay = replayCommandFor(c, r);
  return { type: c.status, message: summary, body: [...lines, ...(replay ? [`replay: ${replay}`] : [])].join('\n') };
}

export function toJunit(r: RunResults, suiteName = 'parity'): string {
  const failures = r.cases.filter((c) => c.status === 'divergence').length;
  const errors = r.cases.filter((c) => c.status !== 'divergence' && c.status !== 'pass').length;
  const time = (ms: number) => (ms / 1000).toFixed(3);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suiteName)}" tests="${r.cases.length}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="${escapeXml(`${r.engines.reference.name} vs ${r.engines.candidate.name}`)}" tests="${r.cases.length}" failures="${failures}" errors="${errors}" time="${time(r.run.durationMs ?? 0)}">`,
  ];
  for (const c of r.cases) {
    const classname = c.source.kind === 'scenario' ? c.source.file : `fuzz.seed${c.source.seed}`;
    out.push(`    <testcase classname="${escapeXml(classname)}" name="${escapeXml(c.id)}" time="${time(c.timing.totalMs)}">`);
    if (c.status !== 'pass') {
      const f = failureText(c, r);
      const tag = c.status === 'divergence' ? 'failure' : 'error';
      out.push(`      <${tag} type="${escapeXml(f.type)}" message="${escapeXml(f.message)}">${escapeXml(f.body)}</${tag}>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}
