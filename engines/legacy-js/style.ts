/**
 * `set {id, prop, value}`: property lookup, node-type check and value coercion.
 * On any rejection the node is left unchanged.
 */
import type { ImageAsset } from '../shared/assets.ts';
import { PROPERTIES, PROPERTY_INDEX } from '../shared/properties.ts';
import { CAPS } from '../shared/protocol.ts';
import type { Value } from '../shared/protocol.ts';
import { parseColor } from './color.ts';
import { AUTO } from './node.ts';
import type { Dimension, SceneNode } from './node.ts';
import { clampUnit, toNumber } from './number.ts';

export type SetOutcome = 'ok' | 'unknown-prop' | 'wrong-node-type' | 'bad-value' | 'missing-image';

/** number >= 0 (parseFloat quirk applies), or NaN when rejected. */
function toNonNegative(value: Value): number {
  const n = toNumber(value);
  return n >= 0 ? n : NaN;
}

/**
 * width/height: "auto", a number >= 0, or a string ending in "%" read with parseFloat
 * ("50%" -> 50 percent). Other strings go through parseFloat too (quirk parsefloat-units).
 */
export function parseDimension(value: Value): Dimension | null {
  if (value === 'auto') return AUTO;
  if (typeof value === 'string' && value.length > 0 && value.charCodeAt(value.length - 1) === 37 /* '%' */) {
    const p = parseFloat(value);
    return p >= 0 ? { kind: 'percent', value: p } : null;
  }
  const n = toNumber(value);
  return n >= 0 ? { kind: 'px', value: n } : null;
}

export function setProperty(
  node: SceneNode,
  prop: string,
  value: Value,
  images: ReadonlyMap<string, ImageAsset>,
): SetOutcome {
  // 1. look_up_property
  const index = typeof prop === 'string' ? PROPERTY_INDEX.get(prop) : undefined;
  if (index === undefined) return 'unknown-prop';

  // 2. check_node_type: text and image props belong to their node type; the rest to all
  const group = PROPERTIES[index].group;
  if (group === 'text' && node.type !== 'text') return 'wrong-node-type';
  if (group === 'image' && node.type !== 'image') return 'wrong-node-type';

  // 3. coerce_and_assign
  switch (prop) {
    case 'direction':
      if (value !== 'row' && value !== 'column') return 'bad-value';
      node.direction = value;
      return 'ok';
    case 'position':
      if (value !== 'relative' && value !== 'absolute') return 'bad-value';
      node.position = value;
      return 'ok';
    case 'x':
    case 'y':
    case 'margin': {
      const n = toNumber(value);
      if (Number.isNaN(n)) return 'bad-value';
      node[prop] = n;
      return 'ok';
    }
    case 'width':
    case 'height': {
      const d = parseDimension(value);
      if (d === null) return 'bad-value';
      node[prop] = d;
      return 'ok';
    }
    case 'padding':
    case 'gap':
    case 'grow':
    case 'borderWidth':
    case 'radius':
    case 'lineHeight': {
      const n = toNonNegative(value);
      if (Number.isNaN(n)) return 'bad-value';
      node[prop] = n;
      return 'ok';
    }
    case 'align':
      if (value !== 'start' && value !== 'center' && value !== 'end' && value !== 'stretch') return 'bad-value';
      node.align = value;
      return 'ok';
    case 'justify':
      if (value !== 'start' && value !== 'center' && value !== 'end' && value !== 'space-between') return 'bad-value';
      node.justify = value;
      return 'ok';
    case 'background':
    case 'borderColor':
    case 'color': {
      const c = parseColor(value);
      if (c === null) return 'bad-value';
      node[prop] = c;
      return 'ok';
    }
    case 'opacity': {
      const n = toNumber(value);
      if (Number.isNaN(n)) return 'bad-value';
      node.opacity = clampUnit(n);
      return 'ok';
    }
    case 'clip':
    case 'ellipsis':
    case 'focusable':
      if (value !== true && value !== false) return 'bad-value';
      node[prop] = value;
      return 'ok';
    case 'zIndex': {
      const n = toNumber(value);
      if (Number.isNaN(n)) return 'bad-value';
      // quirk zindex-string-sort (first half): zIndex is coerced to int32 with `| 0`
      node.zIndex = n | 0;
      return 'ok';
    }
    case 'visible':
      // quirk visible-string-truthy: `!!value`, so "false" (a non-empty string) means visible
      // and 0, "", null mean hidden. A correct engine accepts booleans and "true"/"false" only.
      node.visible = !!value;
      return 'ok';
    case 'text':
      if (typeof value !== 'string' || value.length > CAPS.maxStringLength) return 'bad-value';
      node.text = value;
      return 'ok';
    case 'fontSize': {
      const n = toNumber(value);
      if (!(n > 0)) return 'bad-value';
      node.fontSize = n;
      return 'ok';
    }
    case 'maxLines': {
      if (value === null) {
        node.maxLines = null;
        return 'ok';
      }
      const n = toNonNegative(value);
      if (Number.isNaN(n)) return 'bad-value';
      node.maxLines = Math.floor(n);
      return 'ok';
    }
    case 'textAlign':
      if (value !== 'left' && value !== 'center' && value !== 'right') return 'bad-value';
      node.textAlign = value;
      return 'ok';
    case 'src':
      if (typeof value !== 'string') return 'bad-value';
      if (value !== '' && !images.has(value)) return 'missing-image';
      node.src = value;
      return 'ok';
    case 'fit':
      if (value !== 'fill' && value !== 'contain' && value !== 'cover' && value !== 'none') return 'bad-value';
      node.fit = value;
      return 'ok';
    default:
      // A property of the shared table this engine does not know: treat as unknown.
      return 'unknown-prop';
  }
}
