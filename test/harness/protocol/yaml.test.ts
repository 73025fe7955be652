import { expect } from 'chai';
import { parseYaml } from '../../../harness/protocol/index.ts';
import type { YamlParse } from '../../../harness/protocol/index.ts';

function problems(result: YamlParse): string[] {
  expect(result.ok, 'expected the YAML to be rejected').to.equal(false);
  return result.ok ? [] : result.problems.map((p) => `${p.position.line}:${p.position.column}: ${p.message}`);
}

const BILLION_LAUGHS = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
].join('\n');

describe('harness/protocol parseYaml', () => {
  it('returns plain data and the line:column of any value or key', () => {
    const result = parseYaml('a:\n  b: [1, two]\n');
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.source.value).to.deep.equal({ a: { b: [1, 'two'] } });
    expect(result.source.position(['a', 'b', 1])).to.deep.equal({ line: 2, column: 10 });
    expect(result.source.position(['a', 'b'], 'key')).to.deep.equal({ line: 2, column: 3 });
    expect(result.source.position(['a', 'missing'])).to.deep.equal({ line: 2, column: 3 });
  });

  it('reports a syntax error with its line and column', () => {
    expect(problems(parseYaml('a: 1\nb: [1, 2\nc: 3\n'))[0]).to.match(/^\d+:\d+: Flow sequence in block collection must be sufficiently indented and end with a \]$/);
    expect(problems(parseYaml('a: 1\nb: c: d\n'))).to.deep.equal(['2:4: Nested mappings are not allowed in compact mappings']);
  });

  it('rejects duplicate keys', () => {
    expect(problems(parseYaml('a: 1\na: 2\n'))).to.deep.equal(['2:1: Map keys must be unique']);
  });

  it('rejects an alias bomb before expanding it', () => {
    expect(problems(parseYaml(BILLION_LAUGHS))[0]).to.match(/expected at most 100 alias expansions, got more \(an alias bomb\?\)$/);
  });

  it('still allows a few aliases', () => {
    const result = parseYaml('a: &v 1\nb: *v\n');
    expect(result.ok && result.source.value).to.deep.equal({ a: 1, b: 1 });
  });

  it('rejects text over the byte cap before parsing it', () => {
    expect(problems(parseYaml('a: 1234567890\n', { maxBytes: 8 }))).to.deep.equal(['1:1: expected at most 8 bytes of YAML, got 14 bytes']);
  });

  it('rejects custom tags and YAML 1.1 tags such as !!binary and !!set', () => {
    expect(problems(parseYaml('x: !foo bar\n'))[0]).to.contain('Unresolved tag: !foo');
    expect(problems(parseYaml('x: !!binary aGVsbG8=\n'))[0]).to.contain('Unresolved tag: tag:yaml.org,2002:binary');
    expect(problems(parseYaml('x: !!set { a }\n'))[0]).to.contain('Unresolved tag: tag:yaml.org,2002:set');
  });

  it('rejects maps used as keys', () => {
    expect(problems(parseYaml('? [a, b]\n: 1\n'))[0]).to.match(/^1:3: expected a plain map key/);
  });

  it('rejects more than one document', () => {
    expect(problems(parseYaml('a: 1\n---\nb: 2\n'))[0]).to.match(/^2:1: Source contains multiple documents/);
  });

  it('rejects deep nesting', () => {
    expect(problems(parseYaml(`${'['.repeat(100)}${']'.repeat(100)}`))[0]).to.contain('expected at most 64 levels of nesting');
  });

  it('keeps a "__proto__" key as data', () => {
    const result = parseYaml('__proto__: { polluted: true }\n');
    expect(result.ok).to.equal(true);
    if (result.ok) expect(Object.getPrototypeOf(result.source.value)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('reads core-schema scalars: .nan, .inf, -0, hex', () => {
    const result = parseYaml('[.nan, .inf, -.inf, -0, 0x10, yes]');
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const [nan, inf, ninf, negZero, hex, yes] = result.source.value as unknown[];
    expect(Number.isNaN(nan)).to.equal(true);
    expect([inf, ninf, hex, yes]).to.deep.equal([Infinity, -Infinity, 16, 'yes']);
    expect(Object.is(negZero, -0)).to.equal(true);
  });
});
