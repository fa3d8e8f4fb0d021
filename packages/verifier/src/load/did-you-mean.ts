/**
 * The known ids nearest to a misspelt one, if near enough to be a typo (a third of its length,
 * at least 2 edits): every one at the least distance, so that a caller can tell a unique match.
 */
export function nearest(word: string, known: Iterable<string>): string[] {
  let best: string[] = [];
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of known) {
    if (candidate === word) continue;
    const d = editDistance(word, candidate, bestDistance + 1);
    if (d < bestDistance) [best, bestDistance] = [[candidate], d];
    else if (d === bestDistance && best.length) best.push(candidate);
  }
  return best;
}

/** "; did you mean 'payroll-dba'?" (or "'a' or 'b'"), or nothing when no id is near. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const near = nearest(word, known);
  return near.length
    ? `; did you mean ${near
        .slice(0, 3)
        .map((id) => `'${id}'`)
        .join(' or ')}?`
    : '';
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) from a to b; at least `cap` when it is
 * that many or more, so that a registry of thousands costs a few cells per id.
 */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= cap) return cap;
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}
