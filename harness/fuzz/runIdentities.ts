/** The distinct identities of a run's first diverging checkpoint, in order (primary first). */
import type { RunIdentity } from './fuzzMessages.ts';

export function identitiesOf(divergences: readonly { fingerprint: string; signature: string; kind: RunIdentity['kind'] }[]): RunIdentity[] {
  const seen = new Set<string>();
  const out: RunIdentity[] = [];
  for (const { fingerprint, signature, kind } of divergences) {
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    out.push({ fingerprint, signature, kind });
  }
  return out;
}
