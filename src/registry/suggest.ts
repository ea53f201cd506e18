/** "did you mean …?" candidates: the closest known names by edit distance. */

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * The known name closest to `input`, when it is close enough to be a likely typo: at most a
 * third of the longer name differs. Case is ignored for the distance, not for the answer.
 */
export function suggest(input: string, known: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(needle, candidate.toLowerCase());
    const allowed = Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3));
    if (d <= allowed && (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

export function didYouMean(input: string, known: Iterable<string>): string | undefined {
  const s = suggest(input, known);
  return s === undefined ? undefined : `did you mean "${s}"?`;
}
