/**
 * Writes <runDir>/index.html from a run's results: the entry point the runner calls at
 * the end of every run and `parity report` calls on saved results.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResults } from '../../results/types.ts';
import { buildReportModel } from './buildReportModel.ts';
import type { ReportOptions } from './buildReportModel.ts';
import { renderReportHtml } from './page.ts';

export interface WrittenReport {
  readonly path: string;
  readonly bytes: number;
}

export function writeHtmlReport(runDir: string, results: RunResults, options: ReportOptions & { readonly file?: string } = {}): WrittenReport {
  const html = renderReportHtml(buildReportModel(results, runDir, options));
  const path = join(runDir, options.file ?? 'index.html');
  writeFileSync(path, html);
  return { path, bytes: Buffer.byteLength(html) };
}
