/**
 * spawn: a new node with the props that make it render (size and background for views,
 * text for text nodes, src and size for images) plus a few random ones, appended to an
 * attached view 9 times in 10 (else left detached).
 */
import fc from 'fast-check';
import type { NodeType } from '../../../engines/shared/protocol.ts';
import type { ResolvedStreamOptions } from '../options.ts';
import type { PropAssignment, SpawnIntent } from '../types.ts';
import { visibleColour } from '../values/colour.ts';
import { imageSource } from '../values/keyword.ts';
import { length, visibleLength } from '../values/length.ts';
import { maxLines } from '../values/maxLines.ts';
import { zIndex } from '../values/paintValues.ts';
import { paragraph, textContent } from '../values/textContent.ts';
import { pick } from './pick.ts';
import { propAssignment, propsOf } from './propAssignment.ts';

/** A prop set with probability 1 - 1/freq (fc.option's nil is the unset prop). */
function usually(prop: string, value: fc.Arbitrary<PropAssignment['value']>, freq: number): fc.Arbitrary<PropAssignment | null> {
  return fc.option(value.map((v) => ({ prop, value: v })), { freq, nil: null });
}

/** A prop set `percent`% of the time; shrinks to unset. */
function sometimes(prop: string, value: fc.Arbitrary<PropAssignment['value']>, percent: number): fc.Arbitrary<PropAssignment | null> {
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant(null), weight: 100 - percent },
    { arbitrary: value.map((v) => ({ prop, value: v })), weight: percent },
  );
}

function starterProps(nodeType: NodeType, options: ResolvedStreamOptions): fc.Arbitrary<(PropAssignment | null)[]> {
  const { profile } = options;
  switch (nodeType) {
    case 'view':
      return fc.tuple(
        usually('width', visibleLength(profile), 8),
        usually('height', visibleLength(profile), 8),
        usually('background', visibleColour(profile), 6),
        sometimes('zIndex', zIndex(profile), 25), // siblings with zIndex: quirk zindex-string-sort
        sometimes('clip', fc.constant(true), 15), // clip with radius: quirk clip-ignores-radius
        sometimes('radius', fc.constantFrom(4, 8, 2.5, 20), 20),
        sometimes('padding', fc.constantFrom(1, 3, 4, 7.5), 15), // percent children: quirk percent-of-border-box
        sometimes('grow', fc.constantFrom(1, 2, 1 / 3), 15), // quirk grow-remainder-dropped
        sometimes('align', fc.constant('center'), 15), // odd free space: quirk round-half-up
        sometimes('justify', fc.constant('center'), 10),
      );
    case 'text':
      return fc.tuple(
        usually('text', textContent(profile), 20),
        usually('width', length(profile), 2),
        usually('fontSize', fc.constantFrom(8, 16, 4, 12), 3),
        sometimes('maxLines', maxLines(profile), 40), // maxLines + ellipsis on wrapped text: quirks
        sometimes('ellipsis', fc.constant(true), 40), // ellipsis-splits-surrogate, maxlines-zero-unlimited
      );
    case 'image':
      return fc.tuple(usually('src', imageSource(profile), 8), usually('width', visibleLength(profile), 3), usually('height', visibleLength(profile), 3), usually('fit', fc.constantFrom('fill', 'contain', 'cover', 'none'), 2));
  }
}

const EXTRA_GROUPS = { view: ['layout', 'paint', 'focus'], text: ['layout', 'paint', 'text'], image: ['layout', 'paint', 'image'] } as const;

function spawnOf(nodeType: NodeType, options: ResolvedStreamOptions): fc.Arbitrary<SpawnIntent> {
  return fc.record({
    kind: fc.constant('spawn' as const),
    nodeType: fc.constant(nodeType),
    parent: fc.option(pick(), { freq: 10, nil: null }),
    props: fc
      .tuple(starterProps(nodeType, options), fc.array(propAssignment(propsOf(EXTRA_GROUPS[nodeType]), options), { maxLength: 4 }))
      .map(([starters, extras]) => [...starters.filter((p): p is PropAssignment => p !== null), ...extras]),
  });
}

/** A text that wraps past maxLines with an ellipsis (quirk ellipsis-splits-surrogate). */
function paragraphSpawn(options: ResolvedStreamOptions): fc.Arbitrary<SpawnIntent> {
  return fc.record({
    kind: fc.constant('spawn' as const),
    nodeType: fc.constant('text' as const),
    parent: pick(),
    props: fc
      .tuple(paragraph(options.profile), fc.integer({ min: 40, max: 160 }), fc.constantFrom(8, 6, 12), fc.integer({ min: 1, max: 2 }))
      .map(([text, width, size, lines]) => [
        { prop: 'text', value: text },
        { prop: 'width', value: width },
        { prop: 'fontSize', value: size },
        { prop: 'maxLines', value: lines },
        { prop: 'ellipsis', value: true },
      ]),
  });
}

export function spawnIntent(options: ResolvedStreamOptions): fc.Arbitrary<SpawnIntent> {
  return fc.oneof(
    { arbitrary: spawnOf('view', options), weight: 10 },
    { arbitrary: spawnOf('text', options), weight: 5 },
    { arbitrary: paragraphSpawn(options), weight: 2 },
    { arbitrary: spawnOf('image', options), weight: 2 },
  );
}
