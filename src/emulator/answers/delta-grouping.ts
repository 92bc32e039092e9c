/**
 * How many answer pieces (one token each for generated prose) each streamed delta carries, in
 * order; the last size repeats. From the recorded streams in shared/data/fixtures: OpenAI sends
 * one token per chunk; Anthropic sends a small first delta, then larger and larger ones (the
 * 2026 recordings carry around a hundred characters per delta); Gemini sends one token, then
 * a few ("The", " sky is blue", then the next sixteen tokens in one chunk).
 */
export type DeltaGrouping = readonly number[];

export const OPENAI_DELTAS: DeltaGrouping = [1];
export const ANTHROPIC_DELTAS: DeltaGrouping = [1, 2, 4, 8, 16];
export const GEMINI_DELTAS: DeltaGrouping = [1, 3, 16, 32];

/** The pieces joined into deltas of the grouping's sizes, with the pieces each delta carries. */
export function groupPieces(pieces: readonly string[], grouping: DeltaGrouping): { texts: string[]; sizes: number[] } {
  if (grouping.length === 1 && grouping[0] === 1) return { texts: pieces.slice(), sizes: pieces.map(() => 1) };
  const texts: string[] = [];
  const sizes: number[] = [];
  let start = 0;
  for (let step = 0; start < pieces.length; step++) {
    const size = Math.min(grouping[Math.min(step, grouping.length - 1)] as number, pieces.length - start);
    let text = '';
    for (let index = start; index < start + size; index++) text += pieces[index];
    texts.push(text);
    sizes.push(size);
    start += size;
  }
  return { texts, sizes };
}
