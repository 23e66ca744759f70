/**
 * "Did you mean": the closest of a list of names to what a person typed, by edit distance over
 * normalised text (case, punctuation and `&`/`and` folded). Pure; bounded work (inputs over 80
 * characters are not compared).
 */

/** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (!n) return m;
  if (!m) return n;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

const fold = (s: string): string => s.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9%]+/g, ' ').trim();

/**
 * The candidate closest to `input`, when it is close enough to be a likely typo (at most about a
 * third of its letters off) or the only candidate containing it; otherwise undefined.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const q = fold(input);
  if (!q || q.length > 80) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  const containing: string[] = [];
  for (const c of candidates) {
    const f = fold(c);
    if (!f || f === q) continue;
    if (q.length >= 3 && f.includes(q)) containing.push(c);
    if (Math.abs(f.length - q.length) > Math.max(3, q.length / 2)) continue;
    const d = editDistance(q, f);
    if (d < bestScore) { best = c; bestScore = d; }
  }
  if (best !== undefined && bestScore <= Math.max(2, Math.floor(fold(best).length / 3))) return best;
  const unique = [...new Set(containing)];
  return unique.length === 1 ? unique[0] : undefined;
}
