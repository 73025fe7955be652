/**
 * Quirk flags -> the u32 mask the engine takes: bit i is QUIRK_IDS[i], on unless the
 * flag is explicitly false (a missing entry means on, engines/shared/quirks.ts).
 */
import { isQuirkId, QUIRK_IDS } from '../../shared/quirks.ts';
import type { QuirkFlags } from '../../shared/quirks.ts';

export function quirkMask(flags: QuirkFlags = {}): number {
  for (const [id, on] of Object.entries(flags)) {
    if (!isQuirkId(id)) {
      throw new TypeError(`unknown quirk id ${JSON.stringify(id)}: expected one of ${QUIRK_IDS.join(', ')}`);
    }
    if (on !== undefined && typeof on !== 'boolean') {
      throw new TypeError(`quirk ${id}: expected true or false, got ${JSON.stringify(on)}`);
    }
  }
  let mask = 0;
  QUIRK_IDS.forEach((id, i) => {
    if (flags[id] !== false) mask |= 1 << i;
  });
  return mask >>> 0;
}
