/**
 * Intents made invalid on purpose, one branch per variant, weighted by
 * `invalidWeights`. Each materialises to exactly one command the engines must reject
 * with the event named by the variant (bad-animation: `bad-value`). All of them stay
 * structurally valid (harness/protocol validateStream): ids in 0..2^31-1, finite numbers,
 * known enums, strings within CAPS.maxStringLength.
 */
import fc from 'fast-check';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import { CAPS, NODE_TYPES } from '../../../engines/shared/protocol.ts';
import type { InvalidVariantName, ResolvedStreamOptions } from '../options.ts';
import type { InvalidIntent } from '../types.ts';
import { invalidValue, PROPS_WITH_BAD_VALUES } from '../values/invalidValue.ts';
import { validValue } from '../values/validValue.ts';
import { pick } from './pick.ts';

export const UNKNOWN_PROPS = ['colour', 'Width', '', 'zindex', '__proto__', 'constructor', 'toString', 'font-size', 'opacity ', 'x\u0000'] as const;
export const MISSING_IMAGES = ['missing.png', 'checker', 'CHECKER-16', ' checker-16', '../etc/passwd'] as const;
const BAD_SIDES = [0, 4097, 5000, CAPS.maxNodeId] as const;

const TYPED_PROPS = PROPERTIES.filter((p) => p.group === 'text' || p.group === 'image').map((p) => p.name);
const STILL_PROPS = PROPERTIES.filter((p) => !('animatable' in p && p.animatable)).map((p) => p.name);

const k = fc.constant('invalid' as const);

function branches(options: ResolvedStreamOptions): Record<InvalidVariantName, fc.Arbitrary<InvalidIntent>> {
  return {
    'unknown-node': fc.record({
      kind: k, variant: fc.constant('unknown-node' as const),
      op: fc.constantFrom('set' as const, 'destroy' as const, 'focus' as const, 'append' as const, 'remove' as const, 'animate' as const),
      missing: fc.constantFrom('never-created' as const, 'destroyed' as const, 'max-id' as const), other: pick(),
    }),
    'duplicate-id': fc.record({ kind: k, variant: fc.constant('duplicate-id' as const), target: pick(), nodeType: fc.constantFrom(...NODE_TYPES) }),
    cycle: fc.record({ kind: k, variant: fc.constant('cycle' as const), target: pick(), descendant: pick() }),
    'not-a-child': fc.record({ kind: k, variant: fc.constant('not-a-child' as const), op: fc.constantFrom('remove' as const, 'insert' as const), parent: pick(), child: pick() }),
    'root-immutable': fc.record({ kind: k, variant: fc.constant('root-immutable' as const), op: fc.constantFrom('destroy' as const, 'append' as const, 'remove' as const, 'insert' as const), parent: pick() }),
    'unknown-prop': fc.record({ kind: k, variant: fc.constant('unknown-prop' as const), op: fc.constantFrom('set' as const, 'animate' as const), target: pick(), prop: fc.constantFrom(...UNKNOWN_PROPS) }),
    'bad-value': fc.oneof(
      ...PROPS_WITH_BAD_VALUES.map((prop) =>
        fc.record({ kind: k, variant: fc.constant('bad-value' as const), target: pick(), prop: fc.constant(prop), value: invalidValue(prop)! }),
      ),
    ),
    'bad-animation': fc.record({ kind: k, variant: fc.constant('bad-animation' as const), target: pick(), prop: fc.constantFrom(...STILL_PROPS) }),
    'wrong-node-type': fc.oneof(
      ...TYPED_PROPS.map((prop) => fc.record({ kind: k, variant: fc.constant('wrong-node-type' as const), target: pick(), prop: fc.constant(prop), value: validValue(prop, options.profile) })),
    ),
    'missing-image': fc.record({ kind: k, variant: fc.constant('missing-image' as const), target: pick(), name: fc.constantFrom(...MISSING_IMAGES) }),
    'not-focusable': fc.record({ kind: k, variant: fc.constant('not-focusable' as const), target: pick() }),
    'bad-size': fc
      .tuple(fc.constantFrom(...BAD_SIDES), fc.integer({ min: 1, max: 400 }), fc.boolean())
      .map(([bad, good, widthIsBad]) => ({ kind: 'invalid' as const, variant: 'bad-size' as const, width: widthIsBad ? bad : good, height: widthIsBad ? good : bad })),
  };
}

export function invalidIntent(options: ResolvedStreamOptions): fc.Arbitrary<InvalidIntent> {
  const all = branches(options);
  const weighted = (Object.keys(all) as InvalidVariantName[])
    .filter((name) => options.invalidWeights[name] > 0)
    .map((name) => ({ arbitrary: all[name], weight: options.invalidWeights[name] }));
  if (weighted.length === 0) throw new RangeError('invalidWeights: expected a weight > 0 for at least one variant when invalidShare > 0, got none');
  return fc.oneof(...weighted);
}
