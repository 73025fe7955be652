/**
 * Stream-wide caps against resource bombs (CAPS in engines/shared/protocol.ts).
 *
 * The node cap counts `create` steps, not live nodes: a stream may hold exactly
 * CAPS.maxNodes creates, which is one more than fits beside the root, so a scenario can
 * still prove the engines' 'node-limit' event, but no stream can ask for more than that.
 */
import { CAPS } from '../../engines/shared/protocol.ts';
import { protocolError } from './protocolError.ts';
import type { ProtocolError } from './protocolError.ts';

/** An error at the first step past CAPS.maxSteps, or null. */
export function stepCountError(count: number): ProtocolError | null {
  if (count <= CAPS.maxSteps) return null;
  return protocolError(CAPS.maxSteps, undefined, [], `at most ${CAPS.maxSteps} steps (CAPS.maxSteps)`, `${count} steps`);
}

/** An error at the first `create` past CAPS.maxNodes, or null. `ops[i]` is step i's op, if known. */
export function nodeCountError(ops: readonly unknown[]): ProtocolError | null {
  let creates = 0;
  for (let step = 0; step < ops.length; step++) {
    if (ops[step] !== 'create') continue;
    creates++;
    if (creates > CAPS.maxNodes) {
      const total = ops.filter((op) => op === 'create').length;
      return protocolError(step, 'create', [], `at most ${CAPS.maxNodes} create steps in a stream (CAPS.maxNodes)`, `${total} create steps`);
    }
  }
  return null;
}
