/**
 * `{ prop, value }` with a valid value for the prop, props drawn by their weights.
 * Built as one weighted branch per prop so shrinking simplifies the value within its prop.
 */
import fc from 'fast-check';
import type { PropertyGroup } from '../../../engines/shared/properties.ts';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import type { ResolvedStreamOptions } from '../options.ts';
import type { PropAssignment } from '../types.ts';
import { validValue } from '../values/validValue.ts';

/** Property names of the given groups, in table order. */
export function propsOf(groups: readonly PropertyGroup[]): string[] {
  return PROPERTIES.filter((p) => groups.includes(p.group)).map((p) => p.name);
}

export function propAssignment(props: readonly string[], options: ResolvedStreamOptions): fc.Arbitrary<PropAssignment> {
  const branches = props
    .filter((prop) => (options.propWeights[prop] ?? 0) > 0)
    .map((prop) => ({ arbitrary: fc.record({ prop: fc.constant(prop), value: validValue(prop, options.profile) }), weight: options.propWeights[prop] }));
  if (branches.length === 0) throw new RangeError(`propWeights: expected a weight > 0 for one of ${props.join(', ')}, got none`);
  return fc.oneof(...branches);
}
