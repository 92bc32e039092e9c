import { readParaphraseFile } from '../../src/cache/semantic/evaluation/paraphrase-data.ts';
import { splitPairs } from '../../src/cache/semantic/evaluation/split-pairs.ts';

export interface SemanticCorpus {
  /** Distinct texts to store. */
  stored: string[];
  /** Paraphrases of stored texts (held-out Quora duplicates whose other side is stored): likely hits. */
  paraphraseQueries: string[];
  /** Texts made of two unrelated halves, stored nowhere: misses that still share words. */
  missQueries: string[];
}

/**
 * `size` distinct real texts: every text of the shared paraphrase files, topped up with texts
 * joined from the halves of two others. Query texts are kept out of the stored set.
 */
export function semanticCorpus(size: number, queries: number): SemanticCorpus {
  const texts = new Set<string>();
  for (const file of ['qqp-dev.jsonl', 'mrpc-train.jsonl', 'stsb-train.jsonl', 'gptcache-mock-positives.jsonl']) {
    for (const pair of readParaphraseFile(file)) texts.add(pair.a).add(pair.b);
  }
  const paraphrasePairs = splitPairs(readParaphraseFile('qqp-dev.jsonl')).heldOut.filter((pair) => pair.duplicate).slice(0, queries);
  const paraphraseQueries = paraphrasePairs.map((pair) => pair.b);
  for (const query of paraphraseQueries) texts.delete(query);
  const base = [...texts];
  const join = (left: string, right: string) => `${left.slice(0, Math.ceil(left.length / 2))} ${right.slice(Math.floor(right.length / 2))}`;
  const missQueries = Array.from({ length: queries }, (_, index) => join(base[(index * 7919) % base.length]!, base[(index * 104_729 + 13) % base.length]!));
  const stored = base.slice(0, size);
  const taken = new Set([...stored, ...missQueries]);
  for (let index = 0; stored.length < size; index++) {
    const text = join(base[index % base.length]!, base[(index * 31 + 1) % base.length]!);
    if (!taken.has(text)) {
      stored.push(text);
      taken.add(text);
    }
  }
  return { stored, paraphraseQueries, missQueries };
}
