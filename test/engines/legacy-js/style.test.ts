import { expect } from 'chai';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import { SceneNode } from '../../../engines/legacy-js/node.ts';
import { parseDimension, setProperty } from '../../../engines/legacy-js/style.ts';
import { parseColor } from '../../../engines/legacy-js/color.ts';

const NO_IMAGES = new Map();

function nodeFor(group: string): SceneNode {
  return new SceneNode(1, group === 'text' ? 'text' : group === 'image' ? 'image' : 'view');
}

describe('legacy-js style', () => {
  it('starts every node with the defaults of the shared property table', () => {
    for (const spec of PROPERTIES) {
      const fresh = nodeFor(spec.group);
      const coerced = nodeFor(spec.group);
      expect(setProperty(coerced, spec.name, spec.default, NO_IMAGES), spec.name).to.equal('ok');
      expect(coerced, spec.name).to.deep.equal(fresh);
    }
  });

  it('parses colours: hex forms and five names, case-sensitive', () => {
    expect(parseColor('#ff8000')).to.deep.equal({ r: 255, g: 128, b: 0, a: 255 });
    expect(parseColor('#FF800080')).to.deep.equal({ r: 255, g: 128, b: 0, a: 128 });
    expect(parseColor('transparent')).to.deep.equal({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('green')).to.deep.equal({ r: 0, g: 128, b: 0, a: 255 });
    for (const bad of ['Red', 'purple', '#ff80', '#gggggg', '#', '', ' #fff', 255, null, true]) expect(parseColor(bad), String(bad)).to.equal(null);
  });

  it('parses dimensions: auto, pixels, percentages; negatives rejected', () => {
    expect(parseDimension('auto')).to.deep.equal({ kind: 'auto', value: 0 });
    expect(parseDimension(12)).to.deep.equal({ kind: 'px', value: 12 });
    expect(parseDimension('50%')).to.deep.equal({ kind: 'percent', value: 50 });
    expect(parseDimension(-1)).to.equal(null);
    expect(parseDimension('-5%')).to.equal(null);
    expect(parseDimension('%')).to.equal(null);
    expect(parseDimension(true)).to.equal(null);
  });

  it('clamps opacity to 0..1 and floors maxLines', () => {
    const n = new SceneNode(1, 'text');
    setProperty(n, 'opacity', 3, NO_IMAGES);
    expect(n.opacity).to.equal(1);
    setProperty(n, 'opacity', -3, NO_IMAGES);
    expect(n.opacity).to.equal(0);
    setProperty(n, 'maxLines', 2.7, NO_IMAGES);
    expect(n.maxLines).to.equal(2);
  });

  it('accepts only true and false for clip, ellipsis and focusable', () => {
    const n = new SceneNode(1, 'text');
    for (const prop of ['clip', 'ellipsis', 'focusable']) {
      expect(setProperty(n, prop, 'true', NO_IMAGES)).to.equal('bad-value');
      expect(setProperty(n, prop, 1, NO_IMAGES)).to.equal('bad-value');
      expect(setProperty(n, prop, true, NO_IMAGES)).to.equal('ok');
    }
  });

  it('rejects fontSize <= 0 and non-string text', () => {
    const n = new SceneNode(1, 'text');
    expect(setProperty(n, 'fontSize', 0, NO_IMAGES)).to.equal('bad-value');
    expect(setProperty(n, 'text', 5, NO_IMAGES)).to.equal('bad-value');
    expect(setProperty(n, 'text', null, NO_IMAGES)).to.equal('bad-value');
  });
});
