/**
 * Options of `streamArbitrary`, their defaults, and their resolution into the integer
 * weights fast-check's `oneof` needs. Everything is deterministic from fast-check's seed.
 *
 * Defaults (DEFAULT_STREAM_OPTIONS):
 * - weights: relative frequency of each valid intent kind (DEFAULT_INTENT_WEIGHTS);
 *   0 switches a kind off. A spawn is create + append + a few sets, a focus grid ~20 commands.
 * - invalidShare 0.1: the expected share of intents made invalid on purpose (each becomes
 *   exactly one command the engines must reject with an error event).
 * - invalidWeights: relative frequency of each way of being invalid (DEFAULT_INVALID_WEIGHTS).
 * - propWeights: how often `set` picks each property (DEFAULT_PROP_WEIGHTS; missing = 1).
 * - features: families of intents and edge values (DEFAULT_FEATURES), all on.
 * - minIntents 1, maxIntents 40: intents per stream (a default stream is ~60 commands).
 * - viewport: fixed when given; otherwise mostly 320x180 with odd and tiny sizes mixed in.
 */
import { PROPERTIES } from '../../engines/shared/properties.ts';
import { GENERATED_IMAGE_NAMES } from './_internals/generatedImages.ts';
import type { IntentKind, InvalidVariant, Viewport } from './types.ts';
import type { ValueProfile } from './values/valueProfile.ts';

export type ValidIntentKind = Exclude<IntentKind, 'invalid'>;
export type InvalidVariantName = InvalidVariant['variant'];

export interface StreamFeatures {
  /** focus, key and focusGrid intents. */
  readonly focus: boolean;
  /** animate and tick intents. */
  readonly animation: boolean;
  /** append, insert, remove and destroy intents (spawn still appends). */
  readonly treeEdits: boolean;
  /** resize intents. */
  readonly resize: boolean;
  /** image `src` values naming the test images (off: `src` is always ""). */
  readonly images: boolean;
  /** Wrap values, huge/tiny sizes, "Infinity". */
  readonly extremeValues: boolean;
  /** parseFloat strings such as "12px", " 7", "1e1". */
  readonly coercedStrings: boolean;
  /** Emoji, lone surrogates, combining marks in text. */
  readonly unicodeText: boolean;
}

export interface StreamOptions {
  readonly weights?: Partial<Record<ValidIntentKind, number>>;
  readonly invalidShare?: number;
  readonly invalidWeights?: Partial<Record<InvalidVariantName, number>>;
  readonly propWeights?: Partial<Record<string, number>>;
  readonly features?: Partial<StreamFeatures>;
  readonly minIntents?: number;
  readonly maxIntents?: number;
  readonly viewport?: Viewport;
}

/** The viewport of harness/config's defaults. */
export const DEFAULT_VIEWPORT: Viewport = { width: 320, height: 180 };

export const DEFAULT_INTENT_WEIGHTS: Readonly<Record<ValidIntentKind, number>> = {
  spawn: 6, set: 9, append: 1, insert: 0.7, remove: 0.7, destroy: 0.8, focus: 1, key: 2,
  animate: 1.5, tick: 2, resize: 0.3, frame: 3.5, focusGrid: 0.6,
};

export const DEFAULT_INVALID_WEIGHTS: Readonly<Record<InvalidVariantName, number>> = {
  'unknown-node': 3, 'duplicate-id': 1, cycle: 2, 'not-a-child': 2, 'root-immutable': 1, 'unknown-prop': 2,
  'bad-value': 5, 'bad-animation': 1, 'wrong-node-type': 2, 'missing-image': 1, 'not-focusable': 1, 'bad-size': 1,
};

/** Properties with quirks of their own are picked more often by `set`. */
export const DEFAULT_PROP_WEIGHTS: Readonly<Record<string, number>> = {
  width: 3, height: 3, background: 3, x: 2, y: 2, opacity: 2, zIndex: 3, visible: 2, text: 3,
  maxLines: 2, ellipsis: 2, position: 2, align: 2, justify: 2, padding: 2, grow: 2, clip: 2, radius: 2, focusable: 2,
};

export const DEFAULT_FEATURES: StreamFeatures = {
  focus: true, animation: true, treeEdits: true, resize: true, images: true,
  extremeValues: true, coercedStrings: true, unicodeText: true,
};

export const DEFAULT_STREAM_OPTIONS = {
  weights: DEFAULT_INTENT_WEIGHTS,
  invalidShare: 0.1,
  invalidWeights: DEFAULT_INVALID_WEIGHTS,
  propWeights: DEFAULT_PROP_WEIGHTS,
  features: DEFAULT_FEATURES,
  minIntents: 1,
  maxIntents: 40,
} as const;

/** Options with defaults applied, weights as the integers fc.oneof needs. */
export interface ResolvedStreamOptions {
  readonly intentWeights: Readonly<Record<IntentKind, number>>;
  readonly invalidWeights: Readonly<Record<InvalidVariantName, number>>;
  readonly propWeights: Readonly<Record<string, number>>;
  readonly features: StreamFeatures;
  readonly profile: ValueProfile;
  readonly minIntents: number;
  readonly maxIntents: number;
  readonly viewport: Viewport | null;
}

/** fc.oneof wants integer weights: keep three decimals of precision. */
const SCALE = 1000;
const toInteger = (w: number): number => Math.round(w * SCALE);

const FEATURE_KINDS: Readonly<Record<'focus' | 'animation' | 'treeEdits' | 'resize', readonly ValidIntentKind[]>> = {
  focus: ['focus', 'key', 'focusGrid'],
  animation: ['animate', 'tick'],
  treeEdits: ['append', 'insert', 'remove', 'destroy'],
  resize: ['resize'],
};

function checkWeights(what: string, weights: Readonly<Record<string, number | undefined>>, known: readonly string[]): void {
  for (const [name, w] of Object.entries(weights)) {
    if (!known.includes(name)) throw new RangeError(`${what}: expected one of ${known.join(', ')}, got "${name}"`);
    if (w !== undefined && !(Number.isFinite(w) && w >= 0)) throw new RangeError(`${what}.${name}: expected a finite weight >= 0, got ${w}`);
  }
}

export function resolveStreamOptions(options: StreamOptions = {}): ResolvedStreamOptions {
  const {
    weights = {},
    invalidShare = DEFAULT_STREAM_OPTIONS.invalidShare,
    invalidWeights = {},
    propWeights = {},
    features: featureOverrides = {},
    minIntents = DEFAULT_STREAM_OPTIONS.minIntents,
    maxIntents = DEFAULT_STREAM_OPTIONS.maxIntents,
    viewport = null,
  } = options;
  // 1. check_inputs
  if (!(invalidShare >= 0 && invalidShare < 1)) throw new RangeError(`invalidShare: expected a number in [0, 1), got ${invalidShare}`);
  if (!(Number.isInteger(minIntents) && Number.isInteger(maxIntents) && minIntents >= 0 && maxIntents >= minIntents)) {
    throw new RangeError(`minIntents/maxIntents: expected integers 0 <= min <= max, got ${minIntents}/${maxIntents}`);
  }
  checkWeights('weights', weights, Object.keys(DEFAULT_INTENT_WEIGHTS));
  checkWeights('invalidWeights', invalidWeights, Object.keys(DEFAULT_INVALID_WEIGHTS));
  checkWeights('propWeights', propWeights, PROPERTIES.map((p) => p.name));
  const features: StreamFeatures = { ...DEFAULT_FEATURES, ...featureOverrides };

  // 2. valid_intent_weights, with switched-off features at 0
  const valid = { ...DEFAULT_INTENT_WEIGHTS, ...weights } as Record<ValidIntentKind, number>;
  for (const [feature, kinds] of Object.entries(FEATURE_KINDS)) {
    if (!features[feature as keyof typeof FEATURE_KINDS]) for (const kind of kinds) valid[kind] = 0;
  }
  const validTotal = Object.values(valid).reduce((a, b) => a + b, 0);
  if (validTotal <= 0) throw new RangeError('weights: expected at least one valid intent kind with a weight > 0, got none');

  // 3. invalid_weight: share s of all intents means weight s / (1 - s) of the valid total
  const invalid = (invalidShare / (1 - invalidShare)) * validTotal;
  const intentWeights = Object.fromEntries([...Object.entries(valid), ['invalid', invalid]].map(([k, w]) => [k, toInteger(w as number)])) as Record<IntentKind, number>;

  const resolvedInvalid = { ...DEFAULT_INVALID_WEIGHTS, ...invalidWeights } as Record<InvalidVariantName, number>;
  if (!features.images) resolvedInvalid['missing-image'] = 0;
  const props = Object.fromEntries(PROPERTIES.map((p) => [p.name, toInteger(propWeights[p.name] ?? DEFAULT_PROP_WEIGHTS[p.name] ?? 1)]));

  return {
    intentWeights,
    invalidWeights: Object.fromEntries(Object.entries(resolvedInvalid).map(([k, w]) => [k, toInteger(w)])) as Record<InvalidVariantName, number>,
    propWeights: props,
    features,
    profile: {
      extreme: features.extremeValues,
      coercedStrings: features.coercedStrings,
      unicodeText: features.unicodeText,
      images: features.images ? GENERATED_IMAGE_NAMES : [],
    },
    minIntents,
    maxIntents,
    viewport,
  };
}
