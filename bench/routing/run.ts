/**
 * Decision latency and memory of the learned router (the default, stacked) trained on 10,000
 * prompts: one decision = lexical embedding of the focus text + hand features + kNN (through the
 * clustered index) + logistic + cluster rates + stacker + the utility rule. One core, time-bounded.
 *
 * The 10,000 training prompts are real texts (RouterBench, GSM8K and MT-Bench prompts, then Quora
 * questions); their outcome rows are RouterBench rows reused in turn — this measures speed and
 * memory, not routing quality. Queries are texts the router was not trained on (AlpacaEval
 * instructions, other Quora questions) plus RouterBench's long few-shot prompts.
 *
 * Run: node --expose-gc bench/routing/run.ts [--seconds 8] [--epochs 10] [--save MODEL.json | --model MODEL.json]
 * (--save keeps the trained router; --model measures a saved one without training again).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { percentile } from '../load/percentile.ts';
import { commonModels, outcomeTable } from '../../src/routing/data/outcome-table.ts';
import type { OutcomeItem } from '../../src/routing/data/outcome-types.ts';
import { readOutcomes } from '../../src/routing/data/read-outcomes.ts';
import { routingDataPath } from '../../src/routing/data/routing-data-path.ts';
import { parseCsvLine } from '../../src/routing/cascade/sample-agreement.ts';
import { routingMessage } from '../../src/routing/features/focus-text.ts';
import { LearnedRouter } from '../../src/routing/learned/learned-router.ts';
import { DEFAULT_LEARNED_KIND } from '../../src/routing/evaluation/router-registry.ts';
import { trainRouter } from '../../src/routing/learned/train-router.ts';
import { loadRouterModel } from '../../src/routing/learned/router-file.ts';

const TRAINING_PROMPTS = 10_000;
const QUERIES = 2_500;
const ROUNDS = 4;
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, epochs: { type: 'string', default: '10' }, save: { type: 'string' }, model: { type: 'string' } } });
const seconds = Number(values.seconds);
const epochs = Number(values.epochs);

const gc = (globalThis as { gc?: () => void }).gc;
/** JavaScript heap plus typed-array backing stores (the router's vectors live in the latter). */
function heapUsed(): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}
const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);

const sharedData = (path: string) => fileURLToPath(new URL(`../../../shared/data/${path}`, import.meta.url));
const quora = readFileSync(sharedData('paraphrase/qqp-dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { a: string; b: string });
const alpaca = readFileSync(routingDataPath('extra/alpacaeval-instructions.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => parseCsvLine(line)[2] ?? '')
  .filter((text) => text.length > 0);

const routerbench = await readOutcomes(routingDataPath('routerbench-train.jsonl'));
const gsm8k = await readOutcomes(routingDataPath('routellm-gsm8k.jsonl'));
const mtBench = await readOutcomes(routingDataPath('routellm-mt-bench.jsonl'));
const complete = outcomeTable(routerbench.items, commonModels(routerbench.items));
const texts = [
  ...routerbench.items.map(routingMessage),
  ...gsm8k.items.map(routingMessage),
  ...mtBench.items.map(routingMessage),
  ...quora.map((pair) => pair.a),
].slice(0, TRAINING_PROMPTS);
const training: OutcomeItem[] = texts.map((text, index) => ({
  id: `bench.${index}`,
  source: 'bench',
  messages: [{ role: 'user', content: text }],
  outcomes: complete.items[index % complete.items.length]!.outcomes,
}));
const table = outcomeTable(training, complete.models);

const heapBefore = heapUsed();
const started = process.hrtime.bigint();
const file =
  values.model === undefined
    ? await trainRouter(table, { kind: DEFAULT_LEARNED_KIND, epochs, onProgress: (message) => process.stderr.write(`  ${message}\n`) })
    : await loadRouterModel(values.model);
const trainingSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const fileText = JSON.stringify(file);
const fileBytes = Buffer.byteLength(fileText);

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
await settle();
const heapBeforeRouter = heapUsed();
const router = new LearnedRouter(JSON.parse(fileText));
// The parsed copy is released only once this turn of the event loop has ended.
await settle();
if (values.save !== undefined) writeFileSync(values.save, fileText);
const routerHeap = heapUsed() - heapBeforeRouter;

const queries = [
  ...alpaca,
  ...quora.slice(TRAINING_PROMPTS).map((pair) => pair.b),
  ...routerbench.items.slice(0, 500).map(routingMessage),
].slice(0, QUERIES);

function decide(message: string): number {
  return router.choose(router.features(message)).index;
}

// Warm-up, then rounds of timed decisions cycling over the queries. The machine is shared, so a
// wall-clock tail includes time spent waiting for a core: the least disturbed round is reported
// beside all rounds together, with the mean thread CPU time per decision.
for (let index = 0; index < 500; index++) decide(queries[index % queries.length]!);
const rounds: { samples: number[]; featureSamples: number[] }[] = [];
const loadBefore = loadavg()[0]!;
const cpuStart = process.threadCpuUsage();
let checksum = 0;
let decisions = 0;
for (let round = 0; round < ROUNDS; round++) {
  const samples: number[] = [];
  const featureSamples: number[] = [];
  const deadline = process.hrtime.bigint() + BigInt(Math.round((seconds / ROUNDS) * 1e9));
  for (let index = decisions; process.hrtime.bigint() < deadline; index++) {
    const message = queries[index % queries.length]!;
    const start = process.hrtime.bigint();
    const features = router.features(message);
    const middle = process.hrtime.bigint();
    checksum += router.choose(features).index;
    const end = process.hrtime.bigint();
    samples.push(Number(end - start) / 1e6);
    featureSamples.push(Number(middle - start) / 1e6);
  }
  decisions += samples.length;
  rounds.push({ samples, featureSamples });
}
const cpu = process.threadCpuUsage(cpuStart);
// Each query's own cost: the fastest of five timings of it. Preemption only ever adds time, so the
// minimum approaches what the decision costs on an idle core; its tail shows which queries are slow.
const intrinsic = queries.map((message) => {
  let fastest = Infinity;
  for (let repeat = 0; repeat < 5; repeat++) {
    const start = process.hrtime.bigint();
    checksum += decide(message);
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return fastest;
});
const cpuPerDecision = (cpu.user + cpu.system) / 1000 / decisions;
const best = rounds.reduce((least, round) => (percentile(round.samples, 99) < percentile(least.samples, 99) ? round : least));
const samples = rounds.flatMap((round) => round.samples);
const featureSamples = rounds.flatMap((round) => round.featureSamples);
const heapAfter = heapUsed();

const row = (name: string, values: readonly number[]) =>
  `| ${name} | ${percentile(values, 50).toFixed(3)} | ${percentile(values, 90).toFixed(3)} | ${percentile(values, 99).toFixed(3)} | ${Math.max(...values).toFixed(3)} |`;
console.log(
  `decisions: ${decisions} in ${ROUNDS} rounds over ${seconds} s on ${queries.length} distinct queries (checksum ${checksum}); ` +
    `load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
);
console.log(
  values.model === undefined
    ? `training: ${table.items.length} prompts × ${table.models.length} candidates, ${DEFAULT_LEARNED_KIND}, ${epochs} epochs: ${trainingSeconds.toFixed(1)} s`
    : `router loaded from ${values.model} (${file.training.items} training prompts, ${file.kind})`,
);
console.log(`clusters: ${file.clusters.count}, vectors compared per query: ${file.clusters.scanned}`);
console.log('');
console.log('| step | p50 ms | p90 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|');
console.log(row('whole decision (features + predict + choose), least disturbed round', best.samples));
console.log(row('whole decision, all rounds', samples));
console.log(row('features only (focus text, lexical embedding, hand features), all rounds', featureSamples));
console.log(row(`whole decision, fastest of 5 timings per query (${queries.length} queries)`, intrinsic));
console.log('');
console.log(`mean thread CPU time per decision: ${cpuPerDecision.toFixed(3)} ms`);
console.log('');
console.log(
  `model file: ${megabytes(fileBytes)} MB JSON; router in memory: ${megabytes(routerHeap)} MB (heap + array buffers); ` +
    `process: ${megabytes(heapAfter)} MB after the run (${megabytes(heapBefore)} MB before training), resident ${megabytes(process.memoryUsage().rss)} MB`,
);
console.log(
  `p99 target (< 1 ms): ${percentile(best.samples, 99) < 1 ? 'met' : 'NOT met'} in the least disturbed round, ${percentile(samples, 99) < 1 ? 'met' : 'NOT met'} over all rounds, ` +
    `${percentile(intrinsic, 99) < 1 ? 'met' : 'NOT met'} per query (fastest of 5)` +
    (gc === undefined ? ' — run with --expose-gc for exact heap figures' : ''),
);
