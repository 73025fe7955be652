import { expect } from 'chai';
import type { Command } from '../../../engines/shared/protocol.ts';
import { materialize } from '../../../harness/generate/index.ts';
import type { Intent } from '../../../harness/generate/index.ts';
import { validateStream } from '../../../harness/protocol/index.ts';
import { samples } from './helpers.ts';

const spawn = (parent: number | null = 0, nodeType: 'view' | 'text' | 'image' = 'view'): Intent => ({ kind: 'spawn', nodeType, parent, props: [{ prop: 'width', value: 10 }] });
const ops = (commands: readonly Command[]): string[] => commands.map((c) => c.op);

/** The steps made by invalid intents: what invalidSteps must equal. */
function invalidIntentSteps(intents: readonly Intent[], origins: readonly number[]): number[] {
  return origins.flatMap((o, step) => (o >= 0 && intents[o].kind === 'invalid' ? [step] : []));
}

describe('harness/generate materialize', () => {
  it('creates ids 1, 2, … and appends spawned nodes to attached views', () => {
    const { commands } = materialize([spawn(0), spawn(1), spawn(null)]);
    expect(commands).to.deep.equal([
      { op: 'create', id: 1, type: 'view' }, { op: 'append', parent: 0, child: 1 }, { op: 'set', id: 1, prop: 'width', value: 10 },
      { op: 'create', id: 2, type: 'view' }, { op: 'append', parent: 1, child: 2 }, { op: 'set', id: 2, prop: 'width', value: 10 },
      { op: 'create', id: 3, type: 'view' }, { op: 'set', id: 3, prop: 'width', value: 10 },
      { op: 'frame', name: 'f1' },
    ]);
  });

  it('resolves picks modulo the pool of candidates', () => {
    const { commands } = materialize([spawn(), spawn(), { kind: 'destroy', target: 3, preferFocused: false }]);
    expect(commands[6]).to.deep.equal({ op: 'destroy', id: 2 }); // pool [1, 2], 3 % 2 = 1
  });

  it('sends text props only to text nodes', () => {
    const { commands } = materialize([spawn(), spawn(0, 'text'), { kind: 'set', target: 0, prop: 'text', value: 'hi' }]);
    expect(commands[6]).to.deep.equal({ op: 'set', id: 2, prop: 'text', value: 'hi' });
  });

  it('drops valid intents that have no candidate instead of making them invalid', () => {
    const intents: Intent[] = [
      { kind: 'focus', target: 0 },
      { kind: 'remove', parent: 0, child: 0 },
      { kind: 'destroy', target: 0, preferFocused: true },
      { kind: 'set', target: 0, prop: 'src', value: '' },
    ];
    const { commands, invalidSteps } = materialize(intents);
    expect(ops(commands)).to.deep.equal(['frame']);
    expect(invalidSteps).to.deep.equal([]);
  });

  it('makes one rejected command for an invalid intent, even without candidates', () => {
    const intents: Intent[] = [
      { kind: 'invalid', variant: 'cycle', target: 0, descendant: 0 },
      { kind: 'invalid', variant: 'root-immutable', op: 'destroy', parent: 0 },
      { kind: 'invalid', variant: 'bad-size', width: 0, height: 10 },
    ];
    const { commands, invalidSteps } = materialize(intents);
    expect(commands.slice(0, 3)).to.deep.equal([{ op: 'destroy', id: 1001 }, { op: 'destroy', id: 0 }, { op: 'resize', width: 0, height: 10 }]);
    expect(invalidSteps).to.deep.equal([0, 1, 2]);
  });

  it('appends a node that already has a parent (double append) and never makes a cycle', () => {
    const { commands, invalidSteps } = materialize([spawn(0), spawn(1), { kind: 'append', child: 0, parent: 0 }, { kind: 'append', child: 0, parent: 1 }]);
    expect(commands.filter((c) => c.op === 'append').slice(2)).to.deep.equal([{ op: 'append', parent: 0, child: 1 }, { op: 'append', parent: 0, child: 1 }]);
    expect(invalidSteps).to.deep.equal([]);
  });

  it('builds a focus grid of focusable cells and focuses the first', () => {
    const { commands, invalidSteps } = materialize([{ kind: 'focusGrid', parent: 0, rows: 2, cols: 2, cell: 10, gap: 2, hidden: [1], hideWith: 'false', focusFirst: true }]);
    expect(commands.filter((c) => c.op === 'set' && c.prop === 'focusable')).to.have.length(4);
    expect(commands.filter((c) => c.op === 'set' && c.prop === 'visible')).to.deep.equal([{ op: 'set', id: 4, prop: 'visible', value: 'false' }]);
    expect(commands[commands.length - 2]).to.deep.equal({ op: 'focus', id: 3 }); // grid 1, row 2, cells 3 4, row 5, cells 6 7
    expect(invalidSteps).to.deep.equal([]);
  });

  it('keeps any sub-list of generated intents valid (what shrinking produces)', () => {
    for (const [n, s] of samples(100).entries()) {
      const kept = s.intents.filter((_, i) => (i + n) % 3 !== 0);
      const m = materialize(kept, s.viewport);
      expect(validateStream(m.commands).ok).to.equal(true);
      expect(m.invalidSteps).to.deep.equal(invalidIntentSteps(kept, m.origins));
    }
  });
});
