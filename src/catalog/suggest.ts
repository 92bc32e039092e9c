/** Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known names closest to `query`: names containing it (or contained in it) first,
 * then names within a small edit distance, nearest first.
 */
export function closestNames(query: string, names: Iterable<string>, limit: number): string[] {
  const wanted = query.toLowerCase();
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    if (wanted.length >= 2 && (lower.includes(wanted) || wanted.includes(lower))) {
      scored.push({ name, score: Math.abs(lower.length - wanted.length) / 1000 });
      continue;
    }
    const distance = editDistance(wanted, lower, tolerance);
    if (distance <= tolerance) scored.push({ name, score: distance });
  }
  scored.sort((left, right) => left.score - right.score || left.name.localeCompare(right.name));
  return scored.slice(0, limit).map((item) => item.name);
}
