import type { SparseEmbedder } from './embedder.ts';
import type { IdfTable } from './idf-table.ts';
import { lexicalTerms } from './lexical-features.ts';
import { denseFromSparse, unitSparse, type SparseVector } from './sparse-vector.ts';

/**
 * The built-in offline embedder: hashed words, word pairs and character n-grams, weighted by
 * sublinear term frequency × IDF, L2-normalized. No model, no network; it sees shared words and
 * spellings, not meaning (see docs/caching.md).
 */
export class LexicalEmbedder implements SparseEmbedder {
  readonly name: string;
  readonly dimensions: number;
  readonly idf: IdfTable;

  constructor(idf: IdfTable) {
    this.idf = idf;
    this.dimensions = idf.features.dimensions;
    this.name = `lexical:${idf.fingerprint}`;
  }

  /** The unit vector of one text by its non-zero entries (what the index stores). */
  sparse(text: string): SparseVector {
    const weighted = new Map<number, number>();
    for (const [bucket, weight] of lexicalTerms(text, this.idf.features)) {
      const idf = this.idf.weights[bucket]!;
      // Features too common to weigh are left out, not stored as zeros.
      if (idf > 0) weighted.set(bucket, weight * idf);
    }
    return unitSparse(weighted);
  }

  async embedSparse(texts: readonly string[]): Promise<SparseVector[]> {
    return texts.map((text) => this.sparse(text));
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => denseFromSparse(this.sparse(text), this.dimensions));
  }
}
