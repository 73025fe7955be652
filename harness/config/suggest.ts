/**
 * "did you mean" for misspelt keys: a config key nobody reads is a silent no-op
 * (`treshold: 0.1` would compare exactly), so an unknown key is an error that names
 * the closest known one.
 */

/** Edit distance (insert, delete, substitute, swap of neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

/** The known key closest to `key`, if it is close enough to be a typo (a third of its length, at least 2). */
export function closest(key: string, known: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(key.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key, name);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** `unknown <what> "treshold": did you mean "threshold"? expected one of …` */
export function unknownKeyMessage(what: string, key: string, known: readonly string[]): string {
  const guess = closest(key, known);
  return `unknown ${what} "${key}": ${guess ? `did you mean "${guess}"? ` : ''}expected one of ${known.join(', ')}`;
}
