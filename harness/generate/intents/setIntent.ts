/**
 * set: a valid value for a property; the materialiser picks the target among live nodes
 * whose type takes the property (text props: text nodes; src, fit: image nodes).
 */
import fc from 'fast-check';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import type { ResolvedStreamOptions } from '../options.ts';
import type { SetIntent } from '../types.ts';
import { pick } from './pick.ts';
import { propAssignment } from './propAssignment.ts';

export function setIntent(options: ResolvedStreamOptions): fc.Arbitrary<SetIntent> {
  return fc
    .tuple(pick(), propAssignment(PROPERTIES.map((p) => p.name), options))
    .map(([target, { prop, value }]) => ({ kind: 'set' as const, target, prop, value }));
}
