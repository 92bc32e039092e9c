import { readFileSync } from 'node:fs';
import { FrugalError } from '../../errors/frugal-error.ts';
import { parseIdf } from './idf-table.ts';
import { LexicalEmbedder } from './lexical-embedder.ts';

const SHIPPED_IDF = new URL('./lexical-idf.json', import.meta.url);

let shipped: LexicalEmbedder | undefined;

/** The lexical embedder with the IDF table shipped beside this file, built once. */
export function shippedLexicalEmbedder(): LexicalEmbedder {
  if (shipped !== undefined) return shipped;
  let text: string;
  try {
    text = readFileSync(SHIPPED_IDF, 'utf8');
  } catch {
    throw new FrugalError(
      'FRUGAL_DATA_MISSING',
      `the lexical IDF table ${SHIPPED_IDF.pathname} is absent; fit it with: node src/cache/semantic/training/train-verifier.ts`,
      { path: SHIPPED_IDF.pathname },
    );
  }
  shipped = new LexicalEmbedder(parseIdf(text, SHIPPED_IDF.pathname));
  return shipped;
}
