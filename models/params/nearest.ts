/**
 * Suggest the nearest valid name for a typo (Levenshtein distance), for error messages.
 */

/** Edit distance between two strings. @example levenshtein("kitten", "sitting") // => 3 */
export function levenshtein(a: string, b: string): number {
  const m = a.length, n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/**
 * The candidate closest to `name`, if it is close enough to be a plausible typo.
 * @example nearest("compulsory.royalty_rat", ["compulsory.royalty_rate", "optout.adoption"]) // => "compulsory.royalty_rate"
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    // The edit distance is at least the difference in length: skip hopeless candidates (and so never
    // spend quadratic time on a huge hostile key).
    if (Math.abs(c.length - name.length) > Math.min(limit, bestD)) continue;
    const d = levenshtein(lower, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= limit ? best : undefined;
}
