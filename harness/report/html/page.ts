/**
 * The report page: one self-contained HTML file. The model sits in a JSON data block
 * (./scriptJson.ts), the viewer and stylesheet are inline, images are data: URIs, and a
 * Content-Security-Policy allows exactly that inline script and style (by hash) and
 * data: images: nothing can be loaded from anywhere, and an injected tag cannot run.
 */
import { createHash } from 'node:crypto';
import { escapeHtml, scriptJson } from './scriptJson.ts';
import { REPORT_CSS } from './styles.ts';
import { viewerScript } from './viewerScript.ts';
import type { ReportModel } from './viewModel.ts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    'img-src data:',
    `style-src ${sha256(style)}`,
    `script-src ${sha256(script)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderReportHtml(model: ReportModel): string {
  const script = viewerScript();
  const style = REPORT_CSS;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(script, style))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(`${model.verdict.label} · ${model.title}`)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    '<noscript><p>This report needs JavaScript (inline only; it loads nothing).</p></noscript>',
    `<script type="application/json" id="parity-data">${scriptJson(model)}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
