import { expect } from 'chai';
import type { Command } from '../../../engines/shared/protocol.ts';
import { streamStats } from '../../../harness/generate/index.ts';
import { samples } from './helpers.ts';

describe('harness/generate streamStats', () => {
  it('counts length, checkpoints, ops and expected errors', () => {
    const commands: Command[] = [
      { op: 'create', id: 1, type: 'view' },
      { op: 'append', parent: 0, child: 1 },
      { op: 'set', id: 1, prop: 'width', value: 'NaN' },
      { op: 'frame', name: 'a' },
      { op: 'destroy', id: 0 },
      { op: 'create', id: 2, type: 'text' },
      { op: 'frame' },
    ];
    const stats = streamStats(commands);
    expect(stats).to.include({ length: 7, valid: 5, invalid: 2, checkpoints: 2, peakNodes: 3 });
    expect(stats.ops).to.include({ create: 2, append: 1, set: 1, destroy: 1, frame: 2, tick: 0 });
    expect(stats.errors).to.deep.equal({ 'bad-value': 1, 'root-immutable': 1 });
  });

  it('is zero for an empty stream', () => {
    expect(streamStats([])).to.include({ length: 0, valid: 0, invalid: 0, checkpoints: 0, peakNodes: 1 });
  });

  it('agrees with what the generator knows about its own streams', () => {
    for (const s of samples(100)) expect(streamStats(s.commands, s.viewport).invalid).to.equal(s.invalidSteps.length);
  });
});
