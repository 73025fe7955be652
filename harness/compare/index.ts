/** Comparators: frames, layout trees, event sequences; divergences as values. */
export { compareFrames } from './frameDiff.ts';
export { diffLayout } from './layoutDiff.ts';
export { diffEvents, canonicalEvent } from './eventDiff.ts';
export { compareObservations, firstDivergence, divergencesOf } from './compareObservations.ts';
export { resolveFuzzy, withinFuzzy } from './fuzzyAllowance.ts';
export { fingerprintOf, normalizePath } from './fingerprint.ts';
export { engineCrash, engineTimeout } from './engineFailure.ts';
export { describeDivergence } from './describe.ts';
export type * from './types.ts';
