/**
 * Cache benchmarks. Semantic part: lookups against 100,000 stored entries with the lexical
 * embedder (p50 / p99 of the whole SemanticCache.lookup), memory per entry, store and reopen
 * times, and a dense (provider-embedding) scan for scale. About a minute; one core.
 *
 *   node bench/cache/run.ts [--entries 100000] [--queries 1000] [--rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchSemanticLookup } from './semantic-lookup.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
  },
});
const entries = Math.min(200_000, Number(values.entries));
const queries = Math.min(2_000, Number(values.queries));
const rounds = Math.max(1, Math.min(5, Number(values.rounds)));

const directory = mkdtempSync(join(tmpdir(), 'frugal-bench-cache-'));
try {
  const result = await benchSemanticLookup(directory, entries, queries, rounds);
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  type Timing = { wall: { p50: number; p99: number; max: number }; cpu: { p50: number; p99: number; max: number } };
  const row = (name: string, timing: Timing) =>
    `| ${name} | ${ms(timing.wall.p50)} | ${ms(timing.wall.p99)} | ${ms(timing.wall.max)} | ${ms(timing.cpu.p50)} | ${ms(timing.cpu.p99)} |`;
  console.log(`Semantic cache, lexical embedder, ${result.entries.toLocaleString('en-US')} entries in one scope, ${queries} + ${queries} queries × ${rounds} rounds`);
  console.log(`(load average at the end: ${loadavg().map((value) => value.toFixed(1)).join(' / ')} on ${availableParallelism()} cores)`);
  console.log('');
  console.log('| lookup (embed + search + read + verify) | wall p50 | wall p99 | wall max | CPU p50 | CPU p99 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(row('all lookups', result.lookup));
  console.log(row('misses (no stored paraphrase)', result.lookupMiss));
  console.log(row('paraphrases of stored texts', result.lookupParaphrase));
  console.log(row(`dense scan, ${result.dense.entries.toLocaleString('en-US')} × ${result.dense.dimensions} dims (search only)`, result.dense.search));
  console.log('');
  console.log(`verified hits: ${result.paraphraseHits} of ${result.paraphraseQueries} paraphrase queries, ${result.missHits} of ${queries} miss queries`);
  console.log(`memory per entry: ${Math.round(result.heapBytesPerEntry)} bytes of heap (index structures alone: ${Math.round(result.indexBytesPerEntry)}); SQLite file: ${Math.round(result.fileBytesPerEntry)} bytes per entry`);
  console.log(`store: ${result.storeSeconds.toFixed(1)} s for ${result.entries.toLocaleString('en-US')} entries (${Math.round((result.storeSeconds * 1e6) / result.entries)} µs each); reopen (load every vector): ${result.reopenSeconds.toFixed(1)} s`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
