import { expect } from 'chai';
import type { Command } from '../../../engines/shared/protocol.ts';
import { idsOf, reduceSteps, renumber } from '../../../harness/minimize/reduceSteps.ts';

const create = (id: number): Command => ({ op: 'create', id, type: 'view' });
const append = (parent: number, child: number): Command => ({ op: 'append', parent, child });
const set = (id: number, prop: string, value: number | string): Command => ({ op: 'set', id, prop, value });
const frame: Command = { op: 'frame', name: 'f1' };

/** A stand-in for the engines: "diverges" when node `id` gets a width of at least 3 and is attached. */
const wide = (steps: readonly Command[]) => {
  const ids = new Map<number, number>();
  let created = false;
  let attached = false;
  for (const c of steps) {
    if (c.op === 'create' && c.id > 0) created = true;
    if (c.op === 'append' && c.parent === 0 && created) attached = true;
    if (c.op === 'set' && c.prop === 'width' && typeof c.value === 'number') ids.set(c.id, c.value);
  }
  return attached && [...ids.values()].some((w) => w >= 3) && steps.some((c) => c.op === 'frame');
};

describe('harness/minimize reduceSteps', () => {
  it('keeps only what the divergence needs, with simpler values, renumbered nodes and an unnamed frame', async () => {
    const steps = [create(7), set(7, 'height', 12.5), create(9), append(0, 9), append(0, 7), set(7, 'background', '#ff0000'), set(9, 'width', 37.25), { op: 'tick', ms: 16 } as Command, frame];
    const reduced = await reduceSteps(steps, async (s) => wide(s));
    expect(reduced).to.deep.equal([create(1), append(0, 1), set(1, 'width', 3), { op: 'frame' }]);
  });

  it('returns a 1-minimal stream: removing any single step loses the divergence', async () => {
    const steps = [create(1), create(2), append(0, 1), append(0, 2), set(1, 'width', 5), set(2, 'width', 5), frame, frame];
    const reduced = await reduceSteps(steps, async (s) => wide(s));
    for (let i = 0; i < reduced.length; i++) expect(wide(reduced.filter((_, j) => j !== i)), `without step ${i}`).to.equal(false);
  });

  it('never accepts a candidate the predicate refused (a spent budget keeps the input)', async () => {
    const steps = [create(4), append(0, 4), set(4, 'width', 40), frame];
    expect(await reduceSteps(steps, async () => false)).to.deep.equal(steps);
  });

  it('renumbers node ids in order of first use and leaves the root alone', () => {
    expect(renumber([create(9), append(0, 9), create(4), { op: 'insert', parent: 9, child: 4, before: 4 }])).to.deep.equal(
      [create(1), append(0, 1), create(2), { op: 'insert', parent: 1, child: 2, before: 2 }],
    );
    expect(idsOf({ op: 'key', key: 'up' })).to.deep.equal([]);
  });
});
