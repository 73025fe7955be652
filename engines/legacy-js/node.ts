/**
 * One host node of the scene and its coerced style. Field defaults mirror
 * engines/shared/properties.ts (a test checks that coercing each table default gives
 * the value a fresh node holds).
 */
import type { NodeType } from '../shared/protocol.ts';
import { BLACK, TRANSPARENT, WHITE } from './color.ts';
import type { Rgba } from './color.ts';

export type Direction = 'row' | 'column';
export type Position = 'relative' | 'absolute';
export type Align = 'start' | 'center' | 'end' | 'stretch';
export type Justify = 'start' | 'center' | 'end' | 'space-between';
export type TextAlign = 'left' | 'center' | 'right';
export type Fit = 'fill' | 'contain' | 'cover' | 'none';

/** A width or height: auto, pixels, or a percentage (value 50 means 50%). */
export interface Dimension {
  readonly kind: 'auto' | 'px' | 'percent';
  readonly value: number;
}

export const AUTO: Dimension = { kind: 'auto', value: 0 };

/** Parent pointer of a detached node. */
export const NO_PARENT = -1;

export class SceneNode {
  /** Last parent this node was appended or inserted to (quirk double-append), or NO_PARENT. */
  parent = NO_PARENT;
  /** Child ids in child order; an id may repeat (quirk double-append) or be stale (destroyed). */
  children: number[] = [];

  // layout
  direction: Direction = 'column';
  position: Position = 'relative';
  x = 0;
  y = 0;
  width: Dimension = AUTO;
  height: Dimension = AUTO;
  padding = 0;
  margin = 0;
  gap = 0;
  grow = 0;
  align: Align = 'stretch';
  justify: Justify = 'start';

  // paint
  background: Rgba = TRANSPARENT;
  borderWidth = 0;
  borderColor: Rgba = BLACK;
  radius = 0;
  opacity = 1;
  clip = false;
  zIndex = 0;
  visible = true;

  // text
  text = '';
  fontSize = 16;
  color: Rgba = WHITE;
  lineHeight = 0;
  maxLines: number | null = null;
  ellipsis = false;
  textAlign: TextAlign = 'left';

  // image
  src = '';
  fit: Fit = 'fill';

  // focus
  focusable = false;

  constructor(
    readonly id: number,
    readonly type: NodeType,
  ) {}
}
