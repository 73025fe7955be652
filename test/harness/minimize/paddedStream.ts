import type { Command } from '../../../engines/shared/protocol.ts';

/**
 * A stream that diverges at `after` under the padding mutants (padding off by one), with
 * an image (`checker`) and a tick so reducers have something to drop; with any step
 * removed, the hanging mutant hangs.
 */
export const padded: Command[] = [
  { op: 'create', id: 5, type: 'view' },
  { op: 'set', id: 5, prop: 'width', value: 40 },
  { op: 'set', id: 5, prop: 'background', value: '#336699' },
  { op: 'create', id: 8, type: 'image' },
  { op: 'set', id: 8, prop: 'src', value: 'checker' },
  { op: 'append', parent: 0, child: 5 },
  { op: 'append', parent: 5, child: 8 },
  { op: 'tick', ms: 16 },
  { op: 'frame', name: 'before' },
  { op: 'set', id: 5, prop: 'padding', value: 3.5 },
  { op: 'frame', name: 'after' },
];
