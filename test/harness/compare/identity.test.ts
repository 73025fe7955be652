import { expect } from 'chai';
import type { Command } from '../../../engines/shared/protocol.ts';
import { diffLayout } from '../../../harness/compare/layoutDiff.ts';
import { commandShape, engineName, identified, nodeTypes, pairName, valueChange } from '../../../harness/compare/identity.ts';
import { layoutFingerprint, mostCausal } from '../../../harness/compare/signatures.ts';
import { layoutSite } from '../../../harness/compare/site.ts';
import type { DivergenceCause, LayoutDivergence } from '../../../harness/compare/types.ts';
import { box } from './fixtures.ts';

/** A layout divergence of node `id` (a text under a view) whose width grew by `delta`. */
function widthBug(id: number, parent: number, delta: number): { d: LayoutDivergence; steps: Command[] } {
  const ref = [box(0, 0, 0, 0, 320, 180), box(parent, 1, 0, 0, 100, 20), box(id, 2, 0, 0, 40, 10, ['a'])];
  const cand = [ref[0], ref[1], box(id, 2, 0, 0, 40 + delta, 10, ['a'])];
  const differences = diffLayout(ref, cand);
  const d: LayoutDivergence = {
    kind: 'layout', checkpoint: '', step: 4, differences, tolerance: 0,
    ...layoutFingerprint(differences), site: layoutSite(mostCausal(differences)!, ref, cand),
  };
  const steps: Command[] = [
    { op: 'create', id: parent, type: 'view' }, { op: 'create', id, type: 'text' },
    { op: 'append', parent: 0, child: parent }, { op: 'append', parent, child: id }, { op: 'frame' },
  ];
  return { d, steps };
}

const needsPadding: DivergenceCause = { step: 3, command: 'append', needs: ['set padding'] };

describe('divergence identity', () => {
  it('is the same for one bug found on other node ids by another stream', () => {
    const a = widthBug(3, 1, 2);
    const b = widthBug(42, 7, 3);
    const ia = identified(a.d, { pair: 'legacy-js/wasm', steps: a.steps, cause: needsPadding });
    const ib = identified(b.d, { pair: 'legacy-js/wasm', steps: b.steps, cause: needsPadding });
    expect(ia.fingerprint).to.equal(ib.fingerprint);
    expect(ia.signature).to.equal('legacy-js/wasm layout:box.width at view>text (+2..4) needs set padding');
    expect(ia.group).to.equal('layout:box.width');
  });

  it('tells apart the same symptom with another cause, another engine pair or another class of change', () => {
    const { d, steps } = widthBug(3, 1, 2);
    const base = identified(d, { pair: 'legacy-js/wasm', steps, cause: needsPadding }).fingerprint;
    expect(identified(d, { pair: 'legacy-js/wasm', steps, cause: { ...needsPadding, needs: ['set gap'] } }).fingerprint).to.not.equal(base);
    expect(identified(d, { pair: 'yoga/taffy', steps, cause: needsPadding }).fingerprint).to.not.equal(base);
    const shrunk = widthBug(3, 1, -2);
    expect(identified(shrunk.d, { pair: 'legacy-js/wasm', steps: shrunk.steps, cause: needsPadding }).fingerprint).to.not.equal(base);
  });

  it('names the cause by where it first shows when no single command is needed', () => {
    const { d, steps } = widthBug(3, 1, 2);
    expect(identified(d, { pair: 'p', steps, cause: { step: 3, command: 'append' } }).signature).to.match(/after append$/);
  });

  it('maps node ids to the types the stream gave them at the divergence, a destroyed id forgotten', () => {
    const steps: Command[] = [{ op: 'create', id: 5, type: 'image' }, { op: 'destroy', id: 5 }, { op: 'create', id: 5, type: 'text' }];
    expect(nodeTypes(steps, 0).get(5)).to.equal('image');
    expect(nodeTypes(steps, 1).has(5)).to.equal(false);
    expect(nodeTypes(steps, 2).get(5)).to.equal('text');
    expect(nodeTypes(steps, 2).get(0)).to.equal('root');
  });

  it('describes commands without ids or values', () => {
    expect(commandShape({ op: 'set', id: 9, prop: 'padding', value: 4 })).to.equal('set padding');
    expect(commandShape({ op: 'key', key: 'left' })).to.equal('key left');
    expect(commandShape({ op: 'create', id: 1, type: 'text' })).to.equal('create text');
    expect(commandShape({ op: 'tick', ms: 16 })).to.equal('tick');
    expect(commandShape(undefined)).to.equal('start');
  });

  it('buckets a numeric change by sign and size', () => {
    expect([valueChange(10, 11), valueChange(10, 9.5), valueChange(10, 13), valueChange(10, 0), valueChange(0, 40)])
      .to.deep.equal(['+1', '-<1', '+2..4', '-5..16', '+>16']);
    expect(valueChange('present', 'missing')).to.equal('');
    expect(valueChange(null, 3)).to.equal('none>some');
  });

  it('names an engine the same wherever it runs', () => {
    expect([engineName('wasm-worker'), engineName('legacy-js (chromium)'), engineName('yoga')]).to.deep.equal(['wasm', 'legacy-js', 'yoga']);
    expect(pairName('legacy-js-worker', 'wasm (chromium)')).to.equal('legacy-js/wasm');
  });
});
