import { expect } from 'chai';
import { diffEvents } from '../../../harness/compare/eventDiff.ts';
import { event } from './fixtures.ts';

describe('diffEvents', () => {
  const a = event(2, 'unknown-node', 5);
  const b = event(4, 'focus-changed', 3, '-1');
  const c = event(6, 'cycle', 7);

  it('finds equal sequences equal', () => {
    expect(diffEvents([a, b, c], [{ ...a }, { ...b }, { ...c }])).to.deep.equal([]);
  });

  it('reports an event only in the candidate as an insert', () => {
    expect(diffEvents([a, c], [a, b, c])).to.deep.equal([{ op: 'insert', index: 1, candidateIndex: 1, candidate: b }]);
  });

  it('reports an event missing in the candidate as a delete', () => {
    expect(diffEvents([a, b, c], [a, c])).to.deep.equal([{ op: 'delete', index: 1, candidateIndex: 1, reference: b }]);
  });

  it('reports an event that differs in place as a change', () => {
    const b2 = { ...b, detail: '5' };
    expect(diffEvents([a, b, c], [a, b2, c])).to.deep.equal([
      { op: 'change', index: 1, candidateIndex: 1, reference: b, candidate: b2 },
    ]);
  });

  it('reports trailing and leading edits against empty sides', () => {
    expect(diffEvents([], [a]).map((e) => e.op)).to.deep.equal(['insert']);
    expect(diffEvents([a, b], []).map((e) => [e.op, e.index])).to.deep.equal([
      ['delete', 0],
      ['delete', 1],
    ]);
  });

  it('keeps the common events and pairs the rest into changes, deletes and inserts', () => {
    const d = event(8, 'animation-end', 1, 'x');
    const edits = diffEvents([a, b, c], [b, d, c, a]);
    expect(edits.map((e) => [e.op, e.reference?.code, e.candidate?.code])).to.deep.equal([
      ['delete', 'unknown-node', undefined],
      ['insert', undefined, 'animation-end'],
      ['insert', undefined, 'unknown-node'],
    ]);
  });
});
