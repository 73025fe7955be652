/**
 * The property table: every property a node understands, its group and its default.
 * Both engines implement exactly this set; README's property table is generated from it.
 * The index of a property in PROPERTIES is its code in the binary encoding.
 */

export type PropertyGroup = 'layout' | 'paint' | 'text' | 'image' | 'focus';

export interface PropertySpec {
  readonly name: string;
  readonly group: PropertyGroup;
  /** Default as it would be written in a scenario. */
  readonly default: number | string | boolean | null;
  /** Accepted values, as documentation (README) and for generators. */
  readonly accepts: string;
  /** Whether `animate` may target it. */
  readonly animatable?: boolean;
  /** The accepted words of an enumerated property. */
  readonly values?: readonly string[];
}

export const PROPERTIES = [
  { name: 'direction', group: 'layout', default: 'column', accepts: 'row | column', values: ['row', 'column'] },
  { name: 'position', group: 'layout', default: 'relative', accepts: 'relative | absolute', values: ['relative', 'absolute'] },
  { name: 'x', group: 'layout', default: 0, accepts: 'number (absolute: offset in parent content box; relative: translation)', animatable: true },
  { name: 'y', group: 'layout', default: 0, accepts: 'number (as x)', animatable: true },
  { name: 'width', group: 'layout', default: 'auto', accepts: 'number | "N%" | "auto"' },
  { name: 'height', group: 'layout', default: 'auto', accepts: 'number | "N%" | "auto"' },
  { name: 'padding', group: 'layout', default: 0, accepts: 'number >= 0 (all four sides)' },
  { name: 'margin', group: 'layout', default: 0, accepts: 'number (all four sides)' },
  { name: 'gap', group: 'layout', default: 0, accepts: 'number >= 0 (between children on the main axis)' },
  { name: 'grow', group: 'layout', default: 0, accepts: 'number >= 0 (share of free main-axis space)' },
  { name: 'align', group: 'layout', default: 'stretch', accepts: 'start | center | end | stretch (cross axis)', values: ['start', 'center', 'end', 'stretch'] },
  { name: 'justify', group: 'layout', default: 'start', accepts: 'start | center | end | space-between (main axis)', values: ['start', 'center', 'end', 'space-between'] },
  { name: 'background', group: 'paint', default: 'transparent', accepts: 'colour: #rgb | #rrggbb | #rrggbbaa | transparent | black | white | red | green | blue' },
  { name: 'borderWidth', group: 'paint', default: 0, accepts: 'number >= 0' },
  { name: 'borderColor', group: 'paint', default: '#000000', accepts: 'colour' },
  { name: 'radius', group: 'paint', default: 0, accepts: 'number >= 0 (corner radius, anti-aliased)' },
  { name: 'opacity', group: 'paint', default: 1, accepts: 'number, clamped to 0..1', animatable: true },
  { name: 'clip', group: 'paint', default: false, accepts: 'boolean (clip children to this box)' },
  { name: 'zIndex', group: 'paint', default: 0, accepts: 'integer (paint order among siblings)' },
  { name: 'visible', group: 'paint', default: true, accepts: 'boolean' },
  { name: 'text', group: 'text', default: '', accepts: 'string (text nodes)' },
  { name: 'fontSize', group: 'text', default: 16, accepts: 'number > 0 (pixels; glyph cell is 6x8 at fontSize 8)' },
  { name: 'color', group: 'text', default: '#ffffff', accepts: 'colour' },
  { name: 'lineHeight', group: 'text', default: 0, accepts: 'number (0 = 1.25 x fontSize)' },
  { name: 'maxLines', group: 'text', default: null, accepts: 'integer >= 0 | null (unlimited)' },
  { name: 'ellipsis', group: 'text', default: false, accepts: 'boolean (end the last kept line with "...")' },
  { name: 'textAlign', group: 'text', default: 'left', accepts: 'left | center | right', values: ['left', 'center', 'right'] },
  { name: 'src', group: 'image', default: '', accepts: 'asset name declared in the scenario (image nodes)' },
  { name: 'fit', group: 'image', default: 'fill', accepts: 'fill | contain | cover | none', values: ['fill', 'contain', 'cover', 'none'] },
  { name: 'focusable', group: 'focus', default: false, accepts: 'boolean' },
] as const satisfies readonly PropertySpec[];

export type PropertyName = (typeof PROPERTIES)[number]['name'];

export const PROPERTY_INDEX: ReadonlyMap<string, number> = new Map(PROPERTIES.map((p, i) => [p.name, i]));

/** Enumerated properties and their accepted words, from the table above. */
export const PROPERTY_VALUES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  PROPERTIES.flatMap((p) => ('values' in p ? [[p.name, p.values] as const] : [])),
);
