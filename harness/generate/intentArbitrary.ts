/**
 * One intent, its kind drawn by the resolved weights (kinds at weight 0 are left out).
 */
import fc from 'fast-check';
import { focusGridIntent, focusIntent, keyIntent } from './intents/focusIntents.ts';
import { invalidIntent } from './intents/invalidIntent.ts';
import { setIntent } from './intents/setIntent.ts';
import { spawnIntent } from './intents/spawnIntent.ts';
import { animateIntent, tickIntent } from './intents/timeIntents.ts';
import { appendIntent, destroyIntent, insertIntent, removeIntent } from './intents/treeIntents.ts';
import { frameIntent, resizeIntent } from './intents/viewportIntents.ts';
import type { ResolvedStreamOptions } from './options.ts';
import type { Intent, IntentKind } from './types.ts';
import { INTENT_KINDS } from './types.ts';

const BUILDERS: { readonly [K in IntentKind]: (options: ResolvedStreamOptions) => fc.Arbitrary<Extract<Intent, { kind: K }>> } = {
  spawn: spawnIntent,
  set: setIntent,
  append: appendIntent,
  insert: insertIntent,
  remove: removeIntent,
  destroy: destroyIntent,
  focus: focusIntent,
  key: keyIntent,
  animate: animateIntent,
  tick: tickIntent,
  resize: resizeIntent,
  frame: frameIntent,
  focusGrid: focusGridIntent,
  invalid: invalidIntent,
};

export function intentArbitrary(options: ResolvedStreamOptions): fc.Arbitrary<Intent> {
  const weighted = INTENT_KINDS.filter((kind) => options.intentWeights[kind] > 0).map((kind) => ({
    arbitrary: BUILDERS[kind](options) as fc.Arbitrary<Intent>,
    weight: options.intentWeights[kind],
  }));
  return fc.oneof(...weighted);
}
