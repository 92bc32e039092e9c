/**
 * Cost-engine throughput on one core: catalog lookups, usage normalizations, pricings, and the whole
 * per-call path (catalog resolve + normalize + price) per second, for each provider usage
 * shape, best of 3 short rounds each. Rates are calls per second of CPU time used by this
 * process, so time the OS gives to other work on a shared machine is not counted against the
 * code. Time-bounded (about 9 seconds). Run: node bench/cost/run.ts
 */
import { loadavg } from 'node:os';
import { loadShippedCatalog } from '../../src/catalog/load.ts';
import { priceUsage } from '../../src/cost/price-usage.ts';
import type { UsageBuckets, UsageFormat } from '../../src/usage/buckets.ts';
import { ENCODERS } from '../../src/usage/encode-usage.ts';
import { NORMALIZERS } from '../../src/usage/normalize-usage.ts';

const TARGET_PER_SECOND = 1_000_000;
const ROUND_MS = 100;
const ROUNDS = 3;
const WARM_UP_MS = 60;

const catalog = loadShippedCatalog();

interface Shape {
  format: UsageFormat;
  provider: string;
  model: string;
}

const SHAPES: Shape[] = [
  { format: 'openai', provider: 'openai', model: 'gpt-5' },
  { format: 'openai-responses', provider: 'openai', model: 'gpt-5.4' },
  { format: 'anthropic', provider: 'anthropic', model: 'claude-sonnet-4-5' },
  { format: 'gemini', provider: 'gemini', model: 'gemini-2.5-pro' },
  { format: 'deepseek', provider: 'deepseek', model: 'deepseek-chat' },
];

/** 64 varied usages in the shape's native form, as a gateway holds them after parsing a response. */
function samples(format: UsageFormat): object[] {
  const result: object[] = [];
  for (let index = 0; index < 64; index++) {
    const carriesWrites = format === 'anthropic';
    const buckets: UsageBuckets = {
      input: 200 + ((index * 7_919) % 240_000),
      cacheRead: (index % 3) * 4_096,
      cacheWrite5m: carriesWrites ? (index % 4) * 1_024 : 0,
      cacheWrite1h: carriesWrites ? (index % 5 === 0 ? 2_048 : 0) : 0,
      output: 50 + ((index * 131) % 4_000),
      reasoning: index % 2 === 0 ? (index * 97) % 8_000 : 0,
    };
    result.push(JSON.parse(JSON.stringify(ENCODERS[format](buckets))));
  }
  return result;
}

function cpuMicroseconds(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** Calls `step` in batches until `milliseconds` have passed; returns calls per CPU second. */
function measure(step: (index: number) => number, milliseconds: number): { perSecond: number; checksum: number } {
  let calls = 0;
  let checksum = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(milliseconds) * 1_000_000n;
  const cpuStart = cpuMicroseconds();
  let now = start;
  while (now < deadline) {
    for (let index = 0; index < 4_096; index++) checksum += step(calls + index);
    calls += 4_096;
    now = process.hrtime.bigint();
  }
  return { perSecond: (calls * 1e6) / Math.max(1, cpuMicroseconds() - cpuStart), checksum };
}

/** The best of a few short rounds: on a shared machine, the round least disturbed by other work. */
function rate(step: (index: number) => number): number {
  measure(step, WARM_UP_MS);
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) best = Math.max(best, measure(step, ROUND_MS).perSecond);
  return best;
}

const format = (perSecond: number) => `${(perSecond / 1e6).toFixed(2)} M/s`;
const rows: string[][] = [['shape', 'model', 'resolve', 'normalize', 'price', 'normalize+price', 'resolve+normalize+price']];
let slowestNormalizePrice = Number.POSITIVE_INFINITY;
let slowestPipeline = Number.POSITIVE_INFINITY;
let checksum = 0;

for (const shape of SHAPES) {
  const natives = samples(shape.format);
  const normalize = NORMALIZERS[shape.format];
  const entry = catalog.resolve(shape.model, { provider: shape.provider });
  const bucketSets = natives.map((native) => normalize(native).buckets);
  const options = { catalogVersion: catalog.version };

  const resolveRate = rate((index) => catalog.resolve(shape.model, { provider: shape.provider }).model.length + (index & 1));
  const normalizeRate = rate((index) => normalize(natives[index & 63]!).buckets.input);
  const priceRate = rate((index) => priceUsage(entry, bucketSets[index & 63]!, options).totalPicoUsd);
  const normalizePriceRate = rate((index) => priceUsage(entry, normalize(natives[index & 63]!).buckets, options).totalPicoUsd);
  const pipelineRate = rate((index) => {
    const resolved = catalog.resolve(shape.model, { provider: shape.provider });
    const usage = normalize(natives[index & 63]!);
    return priceUsage(resolved, usage.buckets, options).totalPicoUsd;
  });
  checksum += measure((index) => priceUsage(entry, bucketSets[index & 63]!, options).totalPicoUsd, 1).checksum;
  slowestNormalizePrice = Math.min(slowestNormalizePrice, normalizePriceRate);
  slowestPipeline = Math.min(slowestPipeline, pipelineRate);
  const rates = [resolveRate, normalizeRate, priceRate, normalizePriceRate, pipelineRate];
  rows.push([shape.format, shape.model, ...rates.map(format)]);
}

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) {
  console.log(row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
}
console.log('');
const verdict = (perSecond: number) => (perSecond > TARGET_PER_SECOND ? 'met' : 'NOT met');
const target = format(TARGET_PER_SECOND);
console.log(`slowest normalize+price:         ${format(slowestNormalizePrice)} on one core; target ${target}: ${verdict(slowestNormalizePrice)}`);
console.log(`slowest resolve+normalize+price: ${format(slowestPipeline)} on one core; target ${target}: ${verdict(slowestPipeline)}`);
console.log(`node ${process.version}, catalog ${catalog.version}, load average ${loadavg()[0]!.toFixed(1)}, checksum ${checksum % 1_000_003}`);

