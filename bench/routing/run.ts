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
 * Run: node --expose-gc bench/routing/run.ts [--seconds 4] [--epochs 10] [--save MODEL.json]
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

const TRAINING_PROMPTS = 10_000;
const QUERIES = 2_500;
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '4' }, epochs: { type: 'string', default: '10' }, save: { type: 'string' } } });
const seconds = Number(values.seconds);
const epochs = Number(values.epochs);

const gc = (globalThis as { gc?: () => void }).gc;
function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
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
const file = await trainRouter(table, { kind: DEFAULT_LEARNED_KIND, epochs, onProgress: (message) => process.stderr.write(`  ${message}\n`) });
const trainingSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const fileBytes = Buffer.byteLength(JSON.stringify(file));

const heapBeforeRouter = heapUsed();
const router = new LearnedRouter(JSON.parse(JSON.stringify(file)));
if (values.save !== undefined) writeFileSync(values.save, JSON.stringify(file));
const routerHeap = heapUsed() - heapBeforeRouter;

const queries = [
  ...alpaca,
  ...quora.slice(TRAINING_PROMPTS).map((pair) => pair.b),
  ...routerbench.items.slice(0, 500).map(routingMessage),
].slice(0, QUERIES);

function decide(message: string): number {
  return router.choose(router.features(message)).index;
}

// Warm-up, then timed decisions cycling over the queries until the time budget is spent.
for (let index = 0; index < 500; index++) decide(queries[index % queries.length]!);
const samples: number[] = [];
const featureSamples: number[] = [];
// CPU time of this thread: what a decision costs when the process is not preempted (the machine
// is shared, so wall-clock tails include time spent waiting for a core).
const cpuSamples: number[] = [];
const loadBefore = loadavg()[0]!;
let checksum = 0;
const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
for (let index = 0; process.hrtime.bigint() < deadline; index++) {
  const message = queries[index % queries.length]!;
  const cpuStart = process.threadCpuUsage();
  const start = process.hrtime.bigint();
  const features = router.features(message);
  const middle = process.hrtime.bigint();
  checksum += router.choose(features).index;
  const end = process.hrtime.bigint();
  const cpu = process.threadCpuUsage(cpuStart);
  samples.push(Number(end - start) / 1e6);
  featureSamples.push(Number(middle - start) / 1e6);
  cpuSamples.push((cpu.user + cpu.system) / 1000);
}
const heapAfter = heapUsed();

const row = (name: string, values: number[]) =>
  `| ${name} | ${percentile(values, 50).toFixed(3)} | ${percentile(values, 90).toFixed(3)} | ${percentile(values, 99).toFixed(3)} | ${Math.max(...values).toFixed(3)} |`;
console.log(`decisions: ${samples.length} over ${seconds} s on ${queries.length} distinct queries (checksum ${checksum}); load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
console.log(`training: ${table.items.length} prompts × ${table.models.length} candidates, ${DEFAULT_LEARNED_KIND}, ${epochs} epochs: ${trainingSeconds.toFixed(1)} s`);
console.log(`clusters: ${file.clusters.count}, vectors compared per query: ${file.clusters.scanned}`);
console.log('');
console.log('| step | p50 ms | p90 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|');
console.log(row('whole decision (features + predict + choose)', samples));
console.log(row('features only (focus text, lexical embedding, hand features)', featureSamples));
console.log(row('whole decision, thread CPU time', cpuSamples));
console.log('');
console.log(`model file: ${megabytes(fileBytes)} MB JSON; router in memory: ${megabytes(routerHeap)} MB of heap; heap after the run: ${megabytes(heapAfter)} MB (before training: ${megabytes(heapBefore)} MB)`);
console.log(
  `p99 target (< 1 ms): wall clock ${percentile(samples, 99) < 1 ? 'met' : 'NOT met'}, CPU time ${percentile(cpuSamples, 99) < 1 ? 'met' : 'NOT met'}` +
    (gc === undefined ? ' — run with --expose-gc for exact heap figures' : ''),
);
