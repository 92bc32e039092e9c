import { FrugalError } from '../../../errors/frugal-error.ts';

/** One line of a paraphrase file (../shared/data/paraphrase/, format in its README). */
export interface LabelledPair {
  a: string;
  b: string;
  duplicate: boolean;
}

/** Parses JSON Lines of `{"a", "b", "duplicate"}`; a bad line is named by its number. */
export function parseLabelledPairs(text: string, source: string): LabelledPair[] {
  const pairs: LabelledPair[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new FrugalError('FRUGAL_INVALID_DATA', `${source} line ${index + 1}: not valid JSON`, { source, line: index + 1 });
    }
    const row = value as Partial<LabelledPair> | null;
    if (typeof row?.a !== 'string' || typeof row.b !== 'string' || typeof row.duplicate !== 'boolean') {
      throw new FrugalError(
        'FRUGAL_INVALID_DATA',
        `${source} line ${index + 1}: expected {"a": string, "b": string, "duplicate": boolean}`,
        { source, line: index + 1 },
      );
    }
    pairs.push({ a: row.a, b: row.b, duplicate: row.duplicate });
  }
  if (pairs.length === 0) throw new FrugalError('FRUGAL_INVALID_DATA', `${source} holds no pairs`, { source });
  return pairs;
}
