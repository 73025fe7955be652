/**
 * harness/generate: fast-check arbitraries of command streams for the differential
 * harness (issue 5), their health statistics and the quirk detectors of the coverage table.
 */
export { streamArbitrary, commandsArbitrary } from './streamArbitrary.ts';
export { materialize } from './materialize.ts';
export type { Materialized } from './materialize.ts';
export { intentArbitrary } from './intentArbitrary.ts';
export {
  DEFAULT_FEATURES, DEFAULT_INTENT_WEIGHTS, DEFAULT_INVALID_WEIGHTS, DEFAULT_PROP_WEIGHTS, DEFAULT_STREAM_OPTIONS, DEFAULT_VIEWPORT, resolveStreamOptions,
} from './options.ts';
export type { InvalidVariantName, ResolvedStreamOptions, StreamFeatures, StreamOptions, ValidIntentKind } from './options.ts';
export { streamStats } from './streamStats.ts';
export type { StreamStats } from './streamStats.ts';
export { QUIRK_DETECTORS, detectQuirks } from './quirkDetectors.ts';
export type { QuirkDetector } from './quirkDetectors.ts';
export { GENERATED_IMAGE_FILES } from './_internals/generatedImages.ts';
export { validValue } from './values/validValue.ts';
export { invalidValue } from './values/invalidValue.ts';
export type { ValueProfile } from './values/valueProfile.ts';
export { INTENT_KINDS } from './types.ts';
export type * from './types.ts';
