import { expect } from 'chai';
import { escapeHtml, scriptJson } from '../../../harness/report/html/scriptJson.ts';

const PAYLOAD = '</script><script>alert(1)</script>';

describe('harness/report/html scriptJson', () => {
  it('keeps `</script>` and `<!--` from ending or bending a JSON script block', () => {
    const text = scriptJson({ title: PAYLOAD, note: '<!-- x -->', lines: [PAYLOAD] });
    expect(text).to.not.contain('<');
    expect(text).to.contain('\\u003c/script>');
  });

  it('round-trips every string exactly, line and paragraph separators included', () => {
    const value = { a: PAYLOAD, b: 'x\u2028y\u2029z', c: '"quoted" & <b>bold</b>', d: '✓ 🙂' };
    const text = scriptJson(value);
    expect(text).to.not.match(/[\u2028\u2029]/);
    expect(JSON.parse(text)).to.deep.equal(value);
  });

  it('escapes text for HTML content and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).to.equal('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
