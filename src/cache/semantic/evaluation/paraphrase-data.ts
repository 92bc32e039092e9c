import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FrugalError } from '../../../errors/frugal-error.ts';
import { parseLabelledPairs, type LabelledPair } from './labelled-pairs.ts';

/** ../shared/data/paraphrase/ from the repository root. */
const DIRECTORY = new URL('../../../../../shared/data/paraphrase/', import.meta.url);

export function paraphrasePath(name: string): string {
  return fileURLToPath(new URL(name, DIRECTORY));
}

/** Reads one of the shared labelled-pair files (qqp-dev.jsonl, mrpc-train.jsonl, ...). */
export function readParaphraseFile(name: string): LabelledPair[] {
  const path = paraphrasePath(name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new FrugalError('FRUGAL_DATA_MISSING', `paraphrase data ${path} is absent (see shared/data/README.md)`, { path });
  }
  return parseLabelledPairs(text, path);
}
