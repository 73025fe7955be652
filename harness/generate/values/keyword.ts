/**
 * The enum-valued properties, their accepted words, and `src` image names.
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';
import { PROPERTY_VALUES } from '../../../engines/shared/properties.ts';
import type { ValueProfile } from './valueProfile.ts';

export const KEYWORDS: Readonly<Record<string, readonly string[]>> = PROPERTY_VALUES;

export function keyword(prop: string): fc.Arbitrary<Value> {
  const words = KEYWORDS[prop];
  if (words === undefined) throw new Error(`keyword: expected one of ${Object.keys(KEYWORDS).join(', ')}, got "${prop}"`);
  return fc.constantFrom(...words);
}

/** src: a declared image name, or "" (no image). */
export function imageSource(profile: ValueProfile): fc.Arbitrary<Value> {
  return fc.constantFrom('', ...profile.images, ...profile.images);
}
