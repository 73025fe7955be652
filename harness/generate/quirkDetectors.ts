/**
 * Quirk detectors for the coverage table (issue 5, item 2): for each quirk of
 * engines/shared/quirks.ts, whether a stream contains that quirk's trigger conditions.
 * The stream is replayed once through the scene model; checkpoint conditions are read
 * from the legacy layout of the scene at each accepted `frame`. These are sound-ish
 * heuristics, not proofs that the frame differs: "the stream reaches the quirk's code
 * path with values where legacy and correct behaviour part".
 */
import type { LayoutBox } from '../../engines/legacy-js/layout.ts';
import { QUIRK_IDS } from '../../engines/shared/quirks.ts';
import type { QuirkId } from '../../engines/shared/quirks.ts';
import type { Command, Value } from '../../engines/shared/protocol.ts';
import { fontMetrics, frameView } from './_internals/frameView.ts';
import type { FrameView, ViewBox } from './_internals/frameView.ts';
import { generatedImages } from './_internals/generatedImages.ts';
import { SceneModel } from './_internals/sceneModel.ts';
import { DEFAULT_VIEWPORT } from './options.ts';
import type { Viewport } from './types.ts';

/** `viewport`: the stream's initial viewport (default 320x180). */
export type QuirkDetector = (commands: readonly Command[], viewport?: Viewport) => boolean;

/** One detector's hooks, fresh per replay (they may keep state); each returns true on a hit. */
interface Watch {
  /** After each command; `accepted` is false when the engine rejects it. */
  readonly command?: (c: Command, model: SceneModel, accepted: boolean) => boolean;
  /** At each accepted `frame`. */
  readonly frame?: (view: FrameView) => boolean;
}

const HIGH_SURROGATE = /[\ud800-\udbff]$/;
const CODE_UNIT_GLYPHS = /[\ud800-\udfff\u0300-\u036f]/;
const STRICT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NUMERIC_PROPS = new Set(['x', 'y', 'margin', 'width', 'height', 'padding', 'gap', 'grow', 'borderWidth', 'radius', 'lineHeight', 'opacity', 'zIndex', 'fontSize', 'maxLines']);
const COLOUR_PROPS = new Set(['background', 'borderColor', 'color']);
const DIRECTION_KEYS = new Set(['up', 'down', 'left', 'right']);

/** Math.round(h) differs from half-away-from-zero only at negative halves. */
const negativeHalf = (free: number): boolean => free / 2 < 0 && free / 2 - Math.floor(free / 2) === 0.5;
/** `v | 0` differs from floor-and-saturate: negative fractions, int32 overflow, non-finite. */
const truncationEdge = (v: number): boolean => !Number.isFinite(v) || Math.abs(v) >= 2 ** 31 || (v < 0 && v !== Math.trunc(v));
const advanceOf = (fontSize: number): number => fontMetrics().cellWidth * (fontSize / fontMetrics().cellHeight);
const shown = (views: readonly ViewBox[]): ViewBox[] => views.filter((v) => !v.hidden);

function paints(box: LayoutBox): boolean {
  const n = box.node;
  return n.background.a > 0 || (n.borderWidth > 0 && n.borderColor.a > 0) || (box.lines?.length ?? 0) > 0 || n.src !== '';
}

function inFlowChildren(box: LayoutBox): LayoutBox[] {
  return box.children.filter((c) => c.node.position === 'relative');
}

/** Centring with round(free / 2) at a negative half: align/justify center, centred text, fitted images. */
function centresAtNegativeHalf(box: LayoutBox): boolean {
  const n = box.node;
  const row = n.direction === 'row';
  const contentW = box.width - 2 * n.padding;
  const contentH = box.height - 2 * n.padding;
  const kids = inFlowChildren(box);
  if (n.align === 'center' && kids.some((c) => negativeHalf((row ? contentH : contentW) - ((row ? c.height : c.width) + 2 * c.node.margin)))) return true;
  if (n.justify === 'center' && kids.length > 0) {
    const used = kids.reduce((s, c) => s + (row ? c.width : c.height) + 2 * c.node.margin, 0) + n.gap * (kids.length - 1);
    if (negativeHalf((row ? contentW : contentH) - used)) return true;
  }
  if (n.type === 'text' && n.textAlign === 'center' && box.lines?.some((l) => negativeHalf(contentW - l.length * advanceOf(n.fontSize)))) return true;
  const image = n.type === 'image' && n.fit !== 'fill' ? generatedImages().get(n.src) : undefined;
  if (image !== undefined) {
    const scale = n.fit === 'contain' ? Math.min(contentW / image.width, contentH / image.height) : n.fit === 'cover' ? Math.max(contentW / image.width, contentH / image.height) : 1;
    if (negativeHalf(contentW - image.width * scale) || negativeHalf(contentH - image.height * scale)) return true;
  }
  return false;
}

/** Partial alpha reaches blendPixel: translucent node or colour, anti-aliased corners, partial image alpha. */
function blendsPartially(box: LayoutBox): boolean {
  const n = box.node;
  const partial = (a: number): boolean => a > 0 && a < 255;
  const opacity8 = (n.opacity * 255 + 0.5) | 0;
  if (!paints(box) || opacity8 === 0) return false;
  return partial(opacity8) || partial(n.background.a) || partial(n.color.a) || (n.radius > 0 && n.background.a > 0) || n.src === 'alpha-ring-24';
}

function stringSortDiffers(kids: readonly LayoutBox[]): boolean {
  const z = kids.map((k) => k.node.zIndex);
  const byString = z.map((_, i) => i).sort((a, b) => (String(z[a]) < String(z[b]) ? -1 : String(z[a]) > String(z[b]) ? 1 : 0));
  const byNumber = z.map((_, i) => i).sort((a, b) => z[a] - z[b]);
  return byString.some((v, i) => z[v] !== z[byNumber[i]]);
}

/** Free main-axis space left after grow shared it: the floored remainder (quirk grow-remainder-dropped). */
function dropsGrowRemainder(box: LayoutBox): boolean {
  const n = box.node;
  const kids = inFlowChildren(box);
  if (!kids.some((c) => c.node.grow > 0)) return false;
  const row = n.direction === 'row';
  const content = (row ? box.width : box.height) - 2 * n.padding;
  const used = kids.reduce((s, c) => s + (row ? c.width : c.height) + 2 * c.node.margin, 0) + n.gap * (kids.length - 1);
  return Number.isFinite(content - used) && content - used > 1e-9;
}

function isNonBooleanVisible(value: Value): boolean {
  return typeof value !== 'boolean' && value !== 'true';
}

/** A string a correct engine would refuse as a number: units, spaces, hex, "Infinity". */
function isCoercedNumber(prop: string, value: Value): boolean {
  if (typeof value !== 'string' || !NUMERIC_PROPS.has(prop) || value === 'auto') return false;
  const numeric = (prop === 'width' || prop === 'height') && value.endsWith('%') ? value.slice(0, -1) : value;
  return !Number.isNaN(parseFloat(numeric)) && !STRICT_NUMBER.test(numeric);
}

/** Effective visibility of each attached node, by walking child lists (no layout). */
function hiddenFocusables(model: SceneModel): { visible: number; hidden: number } {
  let visible = 0;
  let hidden = 0;
  const seen = new Set<number>();
  const walk = (id: number, hiddenAbove: boolean, depth: number): void => {
    const node = model.node(id);
    if (node === undefined || seen.has(id) || depth > 64) return;
    seen.add(id);
    const isHidden = hiddenAbove || !node.visible;
    if (node.focusable) isHidden ? hidden++ : visible++;
    for (const child of node.children) walk(child, isHidden, depth + 1);
  };
  walk(0, false, 0);
  return { visible, hidden };
}

function animationAccumulation(): Watch {
  // Per running animation: float elapsed (legacy) vs integer microseconds (the catalogue's correct engine).
  let running: { id: number; prop: string; duration: number; elapsed: number; micros: number }[] = [];
  return {
    command: (c, model, accepted) => {
      if (!accepted) return false;
      if (c.op === 'animate') {
        running = running.filter((a) => !(a.id === c.id && a.prop === c.prop));
        running.push({ id: c.id, prop: c.prop, duration: c.ms, elapsed: 0, micros: 0 });
      } else if (c.op === 'destroy') {
        running = running.filter((a) => a.id !== c.id);
      } else if (c.op === 'tick') {
        let differs = false;
        running = running.filter((a) => {
          if (!model.nodes.has(a.id)) return false;
          a.elapsed += c.ms;
          a.micros += Math.round(c.ms * 1000);
          const ended = a.elapsed >= a.duration;
          if (ended !== a.micros >= Math.round(a.duration * 1000)) differs = true;
          return !ended;
        });
        return differs;
      }
      return false;
    },
  };
}

/** Each quirk's trigger, in one line. */
const WATCHES: { readonly [Q in QuirkId]: () => Watch } = {
  // a painted box edge at a negative fraction, beyond int32, or infinite at a checkpoint
  'coord-int32-truncation': () => ({ frame: (v) => shown(v.boxes).some(({ box: b }) => [b.x, b.y, b.x + b.width, b.y + b.height].some(truncationEdge)) }),
  // centring (align/justify center, centred text, fitted image) with free space at a negative half
  'round-half-up': () => ({ frame: (v) => shown(v.boxes).some(({ box }) => centresAtNegativeHalf(box)) }),
  // a shown box paints with partial alpha (opacity, colour alpha, rounded corners, alpha image)
  'blend-truncation': () => ({ frame: (v) => shown(v.boxes).some(({ box }) => blendsPartially(box)) }),
  // laid-out siblings whose zIndex order as strings differs from their numeric order
  'zindex-string-sort': () => ({ frame: (v) => v.boxes.some(({ box }) => box.children.length > 1 && stringSortDiffers(box.children)) }),
  // a shown box that paints under an ancestor with opacity < 1
  'opacity-not-compounded': () => ({ frame: (v) => shown(v.boxes).some(({ box, dimmed }) => dimmed && paints(box)) }),
  // a shown clipping box with a corner radius and laid-out children
  'clip-ignores-radius': () => ({ frame: (v) => shown(v.boxes).some(({ box: b }) => b.node.clip && b.node.radius > 0 && b.children.length > 0 && b.width > 0 && b.height > 0) }),
  // an accepted numeric `set` whose string is not strictly numeric ("12px", " 7", "Infinity")
  'parsefloat-units': () => ({ command: (c, _m, ok) => ok && c.op === 'set' && isCoercedNumber(c.prop, c.value) }),
  // an accepted colour "#rgb"
  'short-hex-color': () => ({ command: (c, _m, ok) => ok && c.op === 'set' && COLOUR_PROPS.has(c.prop) && typeof c.value === 'string' && /^#[0-9a-fA-F]{3}$/.test(c.value) }),
  // a laid-out line ending in a lone high surrogate + "..." (the ellipsis cut a pair)
  'ellipsis-splits-surrogate': () => ({ frame: (v) => v.boxes.some(({ box }) => box.node.ellipsis && (box.lines ?? []).some((l) => l.endsWith('...') && HIGH_SURROGATE.test(l.slice(0, -3)))) }),
  // a shown text line with surrogates or combining marks (glyphs != code units)
  'glyph-per-code-unit': () => ({ frame: (v) => shown(v.boxes).some(({ box }) => (box.lines ?? []).some((l) => CODE_UNIT_GLYPHS.test(l))) }),
  // an accepted append/insert leaves the child listed twice (under two parents or one twice)
  'double-append': () => ({
    command: (c, m, ok) => ok && (c.op === 'append' || c.op === 'insert') && m.live().reduce((n, p) => n + p.children.filter((id) => id === c.child).length, 0) > 1,
  }),
  // a laid-out text with maxLines 0 and at least one line
  'maxlines-zero-unlimited': () => ({ frame: (v) => v.boxes.some(({ box }) => box.node.maxLines === 0 && (box.lines?.length ?? 0) > 0) }),
  // a box with growing in-flow children and main-axis space left over after grow
  'grow-remainder-dropped': () => ({ frame: (v) => v.boxes.some(({ box }) => dropsGrowRemainder(box)) }),
  // a laid-out percent width/height under a parent with padding
  'percent-of-border-box': () => ({
    frame: (v) => v.boxes.some(({ box, parent }) => parent !== null && parent.node.padding > 0 && (box.node.width.kind === 'percent' || box.node.height.kind === 'percent')),
  }),
  // the focused node is destroyed, or detached by remove (focus stays, no event)
  'focus-survives-destroy': () => ({
    command: (c, m, ok) => ok && m.focused !== -1 && ((c.op === 'destroy' && c.id === m.focused) || (c.op === 'remove' && !m.attached().some((n) => n.id === m.focused))),
  }),
  // a direction key while a hidden focusable node and another focusable node are attached
  'focus-considers-hidden': () => ({
    command: (c, m) => {
      if (c.op !== 'key' || !DIRECTION_KEYS.has(c.key)) return false;
      const { visible, hidden } = hiddenFocusables(m);
      return hidden > 0 && visible + hidden > 1;
    },
  }),
  // `visible` set to a non-boolean other than "true" ("false", "0", 0, "", null)
  'visible-string-truthy': () => ({ command: (c, _m, ok) => ok && c.op === 'set' && c.prop === 'visible' && isNonBooleanVisible(c.value) }),
  // a tick where float-accumulated time and exact (integer microsecond) time disagree on an animation's end
  'anim-time-accumulation': animationAccumulation,
};

/** Replays `commands` once and returns the quirks whose watch fired. */
export function detectQuirks(commands: readonly Command[], viewport: Viewport = DEFAULT_VIEWPORT, quirks: readonly QuirkId[] = QUIRK_IDS): Set<QuirkId> {
  const model = new SceneModel(viewport);
  const pending = new Map(quirks.map((q) => [q, WATCHES[q]()]));
  const hits = new Set<QuirkId>();
  const fire = (q: QuirkId): void => {
    hits.add(q);
    pending.delete(q);
  };
  for (const c of commands) {
    if (pending.size === 0) break;
    const accepted = model.apply(c) === null;
    for (const [q, w] of pending) if (w.command?.(c, model, accepted)) fire(q);
    if (!accepted || c.op !== 'frame' || ![...pending.values()].some((w) => w.frame)) continue;
    const view = frameView(model);
    for (const [q, w] of pending) if (w.frame?.(view)) fire(q);
  }
  return hits;
}

/** One detector per quirk id, for the coverage table. */
export const QUIRK_DETECTORS: { readonly [Q in QuirkId]: QuirkDetector } = Object.fromEntries(
  QUIRK_IDS.map((q) => [q, (commands: readonly Command[], viewport?: Viewport) => detectQuirks(commands, viewport, [q]).has(q)]),
) as { [Q in QuirkId]: QuirkDetector };
