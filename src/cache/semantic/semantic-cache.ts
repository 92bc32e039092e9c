import { isSparseEmbedder, type Embedder } from '../embedders/embedder.ts';
import { shippedLexicalEmbedder } from '../embedders/shipped-lexical-embedder.ts';
import type { IndexVector } from './index/vector-codec.ts';
import { VectorIndex } from './index/vector-index.ts';
import { resolveSemanticPolicy, type SemanticPolicy, type SemanticPolicyInput } from './policy.ts';
import { scopeKey, type SemanticScope } from './scope.ts';
import { PairClassifier } from './verifier/pair-classifier.ts';
import { loadShippedPairClassifier } from './verifier/pair-classifier-model.ts';
import type { PairJudge } from './verifier/pair-judge.ts';

export interface SemanticCacheOptions {
  embedder: Embedder;
  /** SQLite file for the entries (created if absent), or ':memory:'. */
  path: string;
  /** Bound on stored entries across all scopes (least recently used evicted first). */
  maxEntries: number;
  /** The verification stage; default: the shipped classifier. */
  classifier?: PairClassifier;
  /** Optional second opinion after the classifier accepts (e.g. a cheap LLM through the gateway). */
  judge?: PairJudge;
  now?: () => number;
}

export interface SemanticEntry<Response = unknown> {
  id: number;
  text: string;
  response: Response;
  createdAt: number;
  expiresAt: number;
}

export type SemanticLookup<Response = unknown> =
  | {
      hit: true;
      entry: SemanticEntry<Response>;
      similarity: number;
      /** True when the verification stage accepted the hit; false when the route serves on similarity alone. */
      verified: boolean;
      probability?: number;
    }
  | {
      hit: false;
      /** no-candidate: nothing similar enough in the scope; rejected: the classifier said no; judged-different: the judge said no. */
      reason: 'no-candidate' | 'rejected' | 'judged-different';
      similarity?: number;
      probability?: number;
    };

/**
 * The semantic response cache the gateway's cache step calls: `lookup` before the upstream
 * call, `store` after a successful one. Candidates come from the embedder; a hit is served
 * only after the verification stage accepts it (precision first: a wrong cached answer is
 * worse than a miss).
 */
export class SemanticCache {
  readonly embedder: Embedder;
  readonly #index: VectorIndex;
  readonly #judge: PairJudge | undefined;
  #classifier: PairClassifier | undefined;

  constructor(options: SemanticCacheOptions) {
    this.embedder = options.embedder;
    this.#classifier = options.classifier;
    this.#judge = options.judge;
    this.#index = new VectorIndex({
      path: options.path,
      embedderName: options.embedder.name,
      dimensions: options.embedder.dimensions,
      maxEntries: options.maxEntries,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  }

  get size(): number {
    return this.#index.size;
  }

  /** Read lazily: a cache whose routes all serve on similarity alone never loads the model. */
  get classifier(): PairClassifier {
    this.#classifier ??= new PairClassifier(loadShippedPairClassifier(), shippedLexicalEmbedder());
    return this.#classifier;
  }

  /** A route's policy with this cache's defaults (the classifier's tuned threshold and minimum cosine). */
  policy(input: SemanticPolicyInput = {}, where?: string): SemanticPolicy {
    const model = this.classifier.model;
    return resolveSemanticPolicy(input, { threshold: model.threshold, minimumSimilarity: model.minimumCosine }, where);
  }

  async lookup<Response = unknown>(scope: SemanticScope, text: string, policy: SemanticPolicy): Promise<SemanticLookup<Response>> {
    const key = scopeKey(scope);
    if (this.#index.scopeSize(key) === 0) return { hit: false, reason: 'no-candidate' };
    const vector = await this.#embed(text);
    const [best] = this.#index.search(key, vector, policy.minimumSimilarity, 1);
    const stored = best === undefined ? undefined : this.#index.read(key, best.id);
    if (best === undefined || stored === undefined) return { hit: false, reason: 'no-candidate' };
    const entry: SemanticEntry<Response> = {
      id: stored.id,
      text: stored.text,
      response: JSON.parse(stored.payload) as Response,
      createdAt: stored.createdAt,
      expiresAt: stored.expiresAt,
    };
    if (policy.verification === 'off') {
      this.#index.touch(entry.id);
      return { hit: true, entry, similarity: best.similarity, verified: false };
    }
    const probability = this.classifier.probability(text, entry.text);
    if (probability < policy.threshold) return { hit: false, reason: 'rejected', similarity: best.similarity, probability };
    if (this.#judge !== undefined && !(await this.#judge.sameQuestion(text, entry.text))) {
      return { hit: false, reason: 'judged-different', similarity: best.similarity, probability };
    }
    this.#index.touch(entry.id);
    return { hit: true, entry, similarity: best.similarity, verified: true, probability };
  }

  /** Stores a response for `text` in `scope` for the policy's TTL (replacing one stored for the same text); returns the entry id. */
  async store(scope: SemanticScope, text: string, response: unknown, policy: SemanticPolicy): Promise<number> {
    const key = scopeKey(scope);
    const vector = await this.#embed(text);
    const same = this.#index.findText(key, text);
    if (same !== undefined) this.#index.remove([same]);
    return this.#index.add(key, vector, text, JSON.stringify(response), policy.ttlSeconds * 1000);
  }

  async #embed(text: string): Promise<IndexVector> {
    const [vector] = isSparseEmbedder(this.embedder) ? await this.embedder.embedSparse([text]) : await this.embedder.embed([text]);
    return vector!;
  }

  /** Bytes held in memory by the vectors and index structures (responses stay in the SQLite file). */
  indexBytes(): number {
    return this.#index.bytes();
  }

  /** Drops expired entries now (they are also skipped and dropped lazily on lookup). */
  purgeExpired(): number {
    return this.#index.purgeExpired();
  }

  close(): void {
    this.#index.close();
  }
}
