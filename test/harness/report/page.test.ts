import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { renderReportHtml } from '../../../harness/report/html/page.ts';
import { viewerScript } from '../../../harness/report/html/viewerScript.ts';
import type { ReportModel } from '../../../harness/report/html/viewModel.ts';
import { REPORT_FORMAT } from '../../../harness/report/html/viewModel.ts';

const PAYLOAD = '</script><script>alert(1)</script>';

function model(): ReportModel {
  return {
    format: REPORT_FORMAT, generatedAt: '2026-01-01T00:00:00.000Z', title: `report ${PAYLOAD}`,
    verdict: { go: false, label: 'NO-GO', reasons: [PAYLOAD], exitClass: 1 },
    run: { id: PAYLOAD, command: `parity run ${PAYLOAD}`, startedAt: '2026-01-01T00:00:00.000Z', interrupted: false },
    engines: [{ role: 'reference', name: PAYLOAD, version: '1', build: 'b' }, { role: 'candidate', name: 'wasm', version: '1', build: 'c' }],
    counts: [], cases: [{ id: PAYLOAD, title: PAYLOAD, class: 'new-divergence', status: 'divergence', source: PAYLOAD, steps: 1, checkpoints: 1, group: 'g', summary: PAYLOAD, timeMs: 1 }],
    groups: [], quirks: [], images: [], imageNote: '',
  };
}

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('harness/report/html page', () => {
  it('is one self-contained file: two script blocks whatever the data holds, no URL to load', () => {
    const html = renderReportHtml(model());
    expect(html.match(/<script/g)).to.have.length(2);
    expect(html.match(/<\/script>/g)).to.have.length(2);
    expect(html).to.not.match(/\s(src|href)=["']?(https?:)?\/\//);
    expect(html).to.not.contain('<link');
    expect(html).to.contain('<title>NO-GO · report &#60;/script&#62;');
  });

  it('allows exactly its own inline script and style by hash, data: images, and nothing else', () => {
    const html = renderReportHtml(model());
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1].replace(/&#39;/g, "'");
    const script = /<script>([\s\S]*)<\/script>\n<\/body>/.exec(html)![1];
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    expect(csp).to.contain("default-src 'none'").and.to.contain('img-src data:').and.to.contain("base-uri 'none'");
    expect(csp).to.contain(`script-src 'sha256-${sha(script)}'`);
    expect(csp).to.contain(`style-src 'sha256-${sha(style)}'`);
    expect(csp).to.not.contain('unsafe');
  });

  it('bundles the viewer into one script that builds the page with text nodes only', () => {
    const script = viewerScript();
    expect(script).to.contain('startViewer');
    expect(script).to.not.match(/\.innerHTML\s*=|insertAdjacentHTML|document\.write/);
    expect(script).to.not.match(/\bimport\s*\(|\brequire\(/);
    expect(() => new Function(script)).to.not.throw();
  });
});
