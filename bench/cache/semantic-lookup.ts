import { statSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { shippedLexicalEmbedder } from '../../src/cache/embedders/shipped-lexical-embedder.ts';
import { DenseScopeIndex } from '../../src/cache/semantic/index/dense-scope-index.ts';
import { SemanticCache } from '../../src/cache/semantic/semantic-cache.ts';
import type { SemanticScope } from '../../src/cache/semantic/scope.ts';
import { semanticCorpus } from './semantic-corpus.ts';
import { xorshift32 } from '../../src/cache/semantic/xorshift32.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const SCOPE: SemanticScope = { tenant: 'bench', route: 'bench', model: 'bench', systemPromptHash: '', toolSetHash: '', parametersHash: '' };
/** A typical short chat answer, stored as the cached response. */
const RESPONSE = { role: 'assistant', text: 'A short cached answer of about two hundred bytes, as a support bot would give it: steps, a link and a closing line.' };

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

export interface SemanticBenchResult {
  entries: number;
  storeSeconds: number;
  reopenSeconds: number;
  heapBytesPerEntry: number;
  indexBytesPerEntry: number;
  fileBytesPerEntry: number;
  /** Wall-clock time per lookup, and the CPU time this process spent on it (not inflated by other processes). */
  lookup: { wall: Percentiles; cpu: Percentiles };
  lookupMiss: { wall: Percentiles; cpu: Percentiles };
  lookupParaphrase: { wall: Percentiles; cpu: Percentiles };
  paraphraseHits: number;
  paraphraseQueries: number;
  missHits: number;
  dense: { entries: number; dimensions: number; search: { wall: Percentiles; cpu: Percentiles } };
}

interface Samples {
  wall: number[];
  cpu: number[];
}

function summarize(samples: Samples): { wall: Percentiles; cpu: Percentiles } {
  return { wall: percentiles(samples.wall), cpu: percentiles(samples.cpu) };
}

/** Runs `work` once, recording milliseconds of wall clock and of this process's CPU. */
async function timed<T>(samples: Samples, work: () => Promise<T> | T): Promise<T> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  samples.wall.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  samples.cpu.push((cpu.user + cpu.system) / 1000);
  return result;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((left, right) => left - right);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

function memory(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Semantic lookups with `entries` stored in one scope (the worst case: a lookup only searches
 * its own scope), lexical embedder, SQLite file in `directory`. Each lookup is the whole
 * SemanticCache.lookup: embed, search, read the candidate, run the verifier.
 */
export async function benchSemanticLookup(directory: string, entries: number, queries: number, rounds: number): Promise<SemanticBenchResult> {
  const corpus = semanticCorpus(entries, queries);
  const path = join(directory, 'semantic.db');
  const options = { embedder: shippedLexicalEmbedder(), path, maxEntries: entries };
  const before = memory();
  let cache = new SemanticCache(options);
  const policy = cache.policy();
  const storeStart = performance.now();
  for (const text of corpus.stored) await cache.store(SCOPE, text, RESPONSE, policy);
  const storeSeconds = (performance.now() - storeStart) / 1000;
  cache.close();

  const reopenStart = performance.now();
  cache = new SemanticCache(options);
  const reopenSeconds = (performance.now() - reopenStart) / 1000;
  const heapBytesPerEntry = (memory() - before) / entries;

  const misses: Samples = { wall: [], cpu: [] };
  const paraphrases: Samples = { wall: [], cpu: [] };
  let paraphraseHits = 0;
  let missHits = 0;
  for (const query of corpus.missQueries.slice(0, 200)) await cache.lookup(SCOPE, query, policy);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < queries; index++) {
      const miss = await timed(misses, () => cache.lookup(SCOPE, corpus.missQueries[index]!, policy));
      const paraphrase = await timed(paraphrases, () => cache.lookup(SCOPE, corpus.paraphraseQueries[index]!, policy));
      if (round === 0 && miss.hit) missHits++;
      if (round === 0 && paraphrase.hit) paraphraseHits++;
    }
  }
  const indexBytesPerEntry = cache.indexBytes() / entries;
  cache.close();

  return {
    entries,
    storeSeconds,
    reopenSeconds,
    heapBytesPerEntry,
    indexBytesPerEntry,
    fileBytesPerEntry: statSync(path).size / entries,
    lookup: summarize({ wall: [...misses.wall, ...paraphrases.wall], cpu: [...misses.cpu, ...paraphrases.cpu] }),
    lookupMiss: summarize(misses),
    lookupParaphrase: summarize(paraphrases),
    paraphraseHits,
    paraphraseQueries: corpus.paraphraseQueries.length,
    missHits,
    dense: await benchDenseSearch(10_000, 1536, 200),
  };
}

/** Provider embeddings are dense: a full scan of one contiguous array per scope. */
async function benchDenseSearch(entries: number, dimensions: number, queries: number) {
  const draw = xorshift32(0x2545f491);
  const random = () => draw() - 0.5;
  const vector = () => {
    const values = Float32Array.from({ length: dimensions }, random);
    const norm = Math.hypot(...values);
    return values.map((value) => value / norm);
  };
  const index = new DenseScopeIndex(dimensions);
  for (let id = 0; id < entries; id++) index.add(id, vector());
  for (let query = 0; query < 20; query++) index.search(vector(), 0.8, 1);
  const samples: Samples = { wall: [], cpu: [] };
  for (let query = 0; query < queries; query++) {
    const probe = vector();
    await timed(samples, () => index.search(probe, 0.8, 1));
  }
  return { entries, dimensions, search: summarize(samples) };
}
