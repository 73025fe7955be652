/**
 * The fields of every command, in protocol order (engines/shared/protocol.ts), with the
 * kind of value each holds. The validator checks against this table, canonical JSON
 * writes fields in this order, the YAML writer too.
 */
import type { Op } from '../../engines/shared/protocol.ts';

export type FieldKind =
  | 'nodeId' // integer 0..CAPS.maxNodeId
  | 'nodeType' // NODE_TYPES
  | 'key' // KEYS
  | 'easing' // EASINGS
  | 'prop' // string, any name (unknown names are the engine's business)
  | 'value' // number | string | boolean | null
  | 'number' // finite number
  | 'duration' // finite number >= 0
  | 'size' // integer 0..2^31-1 (the engine reports 'bad-size' for 0 or > 4096)
  | 'name'; // string

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly optional?: boolean;
}

export const COMMAND_FIELDS: { readonly [op in Op]: readonly FieldSpec[] } = {
  create: [{ name: 'id', kind: 'nodeId' }, { name: 'type', kind: 'nodeType' }],
  set: [{ name: 'id', kind: 'nodeId' }, { name: 'prop', kind: 'prop' }, { name: 'value', kind: 'value' }],
  append: [{ name: 'parent', kind: 'nodeId' }, { name: 'child', kind: 'nodeId' }],
  insert: [{ name: 'parent', kind: 'nodeId' }, { name: 'child', kind: 'nodeId' }, { name: 'before', kind: 'nodeId' }],
  remove: [{ name: 'parent', kind: 'nodeId' }, { name: 'child', kind: 'nodeId' }],
  destroy: [{ name: 'id', kind: 'nodeId' }],
  focus: [{ name: 'id', kind: 'nodeId' }],
  key: [{ name: 'key', kind: 'key' }],
  animate: [
    { name: 'id', kind: 'nodeId' },
    { name: 'prop', kind: 'prop' },
    { name: 'to', kind: 'number' },
    { name: 'ms', kind: 'duration' },
    { name: 'easing', kind: 'easing' },
  ],
  tick: [{ name: 'ms', kind: 'duration' }],
  resize: [{ name: 'width', kind: 'size' }, { name: 'height', kind: 'size' }],
  frame: [{ name: 'name', kind: 'name', optional: true }],
};
