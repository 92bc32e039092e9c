/**
 * Gateway overhead: the same requests sent directly to the emulator, through the Frugal gateway
 * (ledger on) and through Portkey's open-source gateway, side by side in one run. Added latency at
 * concurrency 1, throughput at concurrency 32, time to first token, and resident memory with many
 * concurrent slow streams. Every server runs in its own process on 127.0.0.1; this process is the
 * load client. Prints progress, then the tables, and writes them into docs/benchmarks.md.
 *
 *   node bench/overhead/run.ts [--seconds 3] [--streams 1000] [--cpu-prof DIR] [--no-docs]
 *
 * --seconds   measured time per path and scenario, for latency and for throughput (1–30)
 * --streams   concurrent streams in the memory phase
 * --cpu-prof  write a CPU profile of the Frugal gateway (the main phases) into DIR
 * --no-docs   print only; leave docs/benchmarks.md alone
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { closedLoop } from '../load/closed-loop.ts';
import { exchange, type ExchangeResult } from '../load/exchange.ts';
import type { ServerProcess } from '../load/server-process.ts';
import { answerText } from './check-answer.ts';
import { measureLatency } from './measure-latency.ts';
import { measureStreamMemory, type MemoryResult } from './measure-memory.ts';
import { measureThroughput } from './measure-throughput.ts';
import { HONO_NODE_SERVER_VERSION, PORTKEY_VERSION, ensurePortkey, portkeyHeaders, startPortkey } from './portkey.ts';
import { clientLoadNote, firstTokenTable, latencyTable, memoryTable, targetChecks, targetTable, throughputTable, type ScenarioFigures } from './report.ts';
import { OPENAI_MODEL, scenarioRequest, scenarios, type Scenario } from './scenarios.ts';
import { startEmulatorProcess, startFrugalGateway } from './start-servers.ts';
import { PATH_LABELS, closeTarget, createTarget, type Target } from './targets.ts';
import { writeSection } from './write-section.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    streams: { type: 'string', default: '1000' },
    'cpu-prof': { type: 'string' },
    'no-docs': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const streams = Number(values.streams);
if (!(seconds >= 1 && seconds <= 30)) throw new Error(`--seconds must be between 1 and 30, got "${values.seconds}"`);
if (!Number.isInteger(streams) || streams < 1 || streams > 5000) throw new Error(`--streams must be an integer from 1 to 5000, got "${values.streams}"`);

const CONCURRENCY = 32;
/** The slow streams of the memory phase: 1 s to the first token, then 10 tokens per second. */
const SLOW_STREAM = { firstTokenMilliseconds: 1000, tokensPerSecond: 10, tokens: 64 };
const DOCS = new URL('../../docs/benchmarks.md', import.meta.url).pathname;
const REPOSITORY = new URL('../..', import.meta.url).pathname;

const began = performance.now();
function progress(line: string): void {
  console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
}

const folder = mkdtempSync(join(tmpdir(), 'frugal-overhead-'));
const servers: ServerProcess[] = [];
const targets: Target[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(targets.map(closeTarget));
    for (const server of servers.reverse()) await server.stop();
    rmSync(folder, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping every server this benchmark started`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function started<T extends ServerProcess>(server: Promise<T>): Promise<T> {
  const running = await server;
  servers.push(running);
  return running;
}

async function stopped(server: ServerProcess): Promise<void> {
  await server.stop();
  servers.splice(servers.indexOf(server), 1);
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPOSITORY, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** One request through every path; each answer must be valid and carry the same text as the direct one. */
async function checkAnswers(scenario: Scenario, paths: readonly Target[]): Promise<void> {
  let expected: string | undefined;
  for (const target of paths) {
    target.sent++;
    const result = await exchange(target.single, target.requestFor(scenario), true);
    let text: string;
    try {
      text = answerText(scenario, result);
      if (target.name === 'portkey' && result.headers['openai-organization'] !== 'org-frugal-emulator') {
        throw new Error('the answer lacks the emulator\'s openai-organization header: it did not come from the emulator');
      }
      if (target.name === 'frugal' && result.headers['x-frugal-request-id'] === undefined) throw new Error('the answer has no x-frugal-request-id');
    } catch (error) {
      throw new Error(`${PATH_LABELS[target.name]}, ${scenario.name}: ${(error as Error).message}`);
    }
    expected ??= text;
    if (text !== expected) throw new Error(`${PATH_LABELS[target.name]}, ${scenario.name}: the answer text differs from the direct call's ("${text}" vs "${expected}")`);
  }
}

async function ledgerRequests(gatewayUrl: string): Promise<number> {
  const response = await fetch(`${gatewayUrl}/v1/frugal/usage?groupBy=model`);
  if (response.status !== 200) throw new Error(`GET /v1/frugal/usage answered ${response.status}: ${await response.text()}`);
  const usage = (await response.json()) as { rows: { requests: number }[] };
  return usage.rows.reduce((sum, row) => sum + row.requests, 0);
}

const memoryScenario: Scenario = {
  name: 'slow stream',
  protocol: 'openai',
  stream: true,
  size: '0.1 KB',
  request: scenarioRequest('openai', true, 100, OPENAI_MODEL, SLOW_STREAM.tokens),
};
const checkStream = (result: ExchangeResult) => void answerText(memoryScenario, result);

async function measureMemory(name: string, server: ServerProcess & { url: string }, extraHeaders: Record<string, string>): Promise<MemoryResult> {
  const pool = new Pool(server.url, { connections: streams, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: 120_000, bodyTimeout: 120_000 });
  try {
    await new Promise((done) => setTimeout(done, 1000));
    const request = { ...memoryScenario.request, headers: { ...memoryScenario.request.headers, ...extraHeaders } };
    const result = await measureStreamMemory(server.pid, pool, request, streams, checkStream);
    progress(
      `${name}: ${result.peakOpen} streams open at once, ${result.valid}/${streams} valid, RSS ${(result.idleResidentBytes / 2 ** 20).toFixed(0)} MB idle → ` +
        `${(result.peakResidentBytes / 2 ** 20).toFixed(0)} MB peak${result.problems.length > 0 ? `; problems: ${result.problems.join(' | ')}` : ''}`,
    );
    return result;
  } finally {
    await pool.destroy();
  }
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const portkeyEntry = await ensurePortkey(progress);
  progress('starting the emulator (zero latency), the Frugal gateway (ledger on: SQLite) and the Portkey gateway');
  const emulator = await started(startEmulatorProcess('emulator', ['--latency', 'zero']));
  const ledgerFolder = join(folder, 'ledger');
  mkdirSync(ledgerFolder);
  const profileOptions = values['cpu-prof'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])];
  const frugal = await started(startFrugalGateway('Frugal gateway', emulator.url, ledgerFolder, profileOptions));
  const portkey = await started(startPortkey(portkeyEntry));
  progress(`emulator ${emulator.url} (pid ${emulator.pid}), Frugal ${frugal.url} (pid ${frugal.pid}), Portkey ${portkey.url} (pid ${portkey.pid})`);

  const direct = createTarget('direct', emulator.url, emulator.pid, CONCURRENCY);
  const throughFrugal = createTarget('frugal', frugal.url, frugal.pid, CONCURRENCY);
  const throughPortkey = createTarget('portkey', portkey.url, portkey.pid, CONCURRENCY, portkeyHeaders(emulator.url));
  targets.push(direct, throughFrugal, throughPortkey);
  // Portkey is compared on the OpenAI protocol; Anthropic Messages is Frugal against direct.
  const pathsFor = (scenario: Scenario) => (scenario.protocol === 'openai' ? [direct, throughFrugal, throughPortkey] : [direct, throughFrugal]);

  const list = scenarios();
  for (const scenario of list) await checkAnswers(scenario, pathsFor(scenario));
  progress(`answers checked: ${list.length} scenarios, every path valid with the same text as the direct call`);

  progress('warming up every path');
  for (const scenario of list) for (const target of pathsFor(scenario)) {
    const result = await closedLoop(target.pool, target.requestFor(scenario), 4, 150);
    target.sent += result.completed + result.failures;
  }

  const figures: ScenarioFigures[] = [];
  for (const [index, scenario] of list.entries()) {
    const paths = pathsFor(scenario);
    progress(`(${index + 1}/${list.length}) ${scenario.name}: latency at concurrency 1, then throughput at concurrency ${CONCURRENCY}`);
    const latency = await measureLatency(paths, scenario, seconds * 1000, 300);
    const throughput = await measureThroughput(paths, scenario, CONCURRENCY, 1000, seconds);
    figures.push({ scenario, latency, throughput });
    const summary = paths.map((target) => {
      const samples = latency.get(target.name)!.total.toSorted((left, right) => left - right);
      const loop = throughput.get(target.name)!;
      const cpu = Math.round((loop.cpuSeconds * 1e6) / Math.max(1, loop.completed));
      return `${PATH_LABELS[target.name]} p50 ${samples[samples.length >> 1]?.toFixed(3)} ms, ${Math.round(loop.completed / loop.seconds)} req/s, ${cpu} µs CPU/req${loop.failures > 0 ? ` (${loop.failures} failed)` : ''}`;
    });
    progress(`    ${summary.join('; ')}`);
  }

  const recorded = await ledgerRequests(frugal.url);
  progress(`ledger: ${recorded} requests recorded, ${throughFrugal.sent} sent through Frugal`);
  await Promise.all(targets.splice(0).map(closeTarget));
  await stopped(portkey);
  await stopped(frugal);
  await stopped(emulator);
  if (values['cpu-prof'] !== undefined) progress(`CPU profile of the Frugal gateway written into ${resolve(values['cpu-prof'])}`);

  progress(`memory: ${streams} concurrent slow streams (${SLOW_STREAM.firstTokenMilliseconds} ms to the first token, ${SLOW_STREAM.tokensPerSecond} tokens/s, ${SLOW_STREAM.tokens} tokens)`);
  const slowConfig = join(folder, 'slow-emulator.yaml');
  writeFileSync(
    slowConfig,
    JSON.stringify({
      latency: { mode: 'realistic', jitter: 0, models: { [OPENAI_MODEL]: { timeToFirstTokenMilliseconds: SLOW_STREAM.firstTokenMilliseconds, tokensPerSecond: SLOW_STREAM.tokensPerSecond } } },
      // Answers far longer than the cap, so every stream runs to max_tokens.
      answers: { medianOutputTokens: { [OPENAI_MODEL]: SLOW_STREAM.tokens * 50 } },
    }),
  );
  const slowEmulator = await started(startEmulatorProcess('slow emulator', ['--config', slowConfig]));
  const memoryLedger = join(folder, 'memory-ledger');
  mkdirSync(memoryLedger);
  const memory = new Map<string, MemoryResult>();
  const frugalForMemory = await started(startFrugalGateway('Frugal gateway (memory)', slowEmulator.url, memoryLedger));
  const frugalMemory = await measureMemory('Frugal', frugalForMemory, {});
  memory.set('Frugal (ledger on)', frugalMemory);
  await stopped(frugalForMemory);
  const portkeyForMemory = await started(startPortkey(portkeyEntry));
  memory.set('Portkey', await measureMemory('Portkey', portkeyForMemory, portkeyHeaders(slowEmulator.url)));
  await stopped(portkeyForMemory);
  await stopped(slowEmulator);

  const checks = targetChecks(figures, frugalMemory);
  const minutes = (performance.now() - began) / 60_000;
  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=all', '--', 'src') !== '';
  const command = `node bench/overhead/run.ts${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  const undiciVersion = (JSON.parse(readFileSync(new URL('../../node_modules/undici/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const section = [
    `Command: \`${command}\` (about ${Math.ceil(minutes)} minutes). Run on ${new Date().toISOString().slice(0, 10)}. Machine: ${cpus().length} cores ` +
      `(${cpus()[0]?.model.trim()}, virtualized), shared with other engineers' jobs while measured (load average ${loadAtStart.toFixed(1)} at the start, ` +
      `${loadavg()[0]!.toFixed(1)} at the end). Node ${process.version}; Frugal at commit ${commit === '' ? '(unknown)' : commit}` +
      `${dirty ? ' plus uncommitted changes in src/' : ''}; Portkey gateway \`@portkey-ai/gateway@${PORTKEY_VERSION}\` with \`@hono/node-server@${HONO_NODE_SERVER_VERSION}\`; ` +
      `load client undici ${undiciVersion}.`,
    '',
    'Method. Each server runs in its own process on 127.0.0.1: the emulator (`frugal emulate --latency zero`), the Frugal gateway ' +
      '(`frugal serve --emulate URL`, ledger on: SQLite in a temporary folder) and Portkey\'s gateway (its Node server, with ' +
      '`x-portkey-provider: openai` and `x-portkey-custom-host` pointing at the same emulator). The load client is a fourth process ' +
      '(undici, keep-alive connections). Every scenario sends the same bytes directly to the emulator (the ceiling), through Frugal, and ' +
      '(OpenAI only) through Portkey; answers are capped at 16 tokens; bodies are about 0.1, 4 and 40 KB. Before measuring, each path must ' +
      'return a valid answer with the same text as the direct call, and Portkey\'s must carry the emulator\'s `openai-organization` header. ' +
      'Latency at concurrency 1 interleaves the paths request by request, in a new random order each round, each path getting the same ' +
      'share of the time, so the machine\'s noise falls on all of them; "added" is the gateway\'s percentile minus the direct one. ' +
      'Throughput at concurrency 32 is a closed loop in 1-second slices that rotate between the paths; the CPU time of the path\'s own ' +
      'server process (from /proc/<pid>/stat, all threads) over those slices gives its CPU cost per request, which the other jobs on ' +
      'the machine disturb far less than requests per second. Time to first token is taken at the client on the first non-empty content delta; the ' +
      'zero-latency emulator writes a whole stream in one go, so this is the gateway\'s own delay to the first token. Memory: a second ' +
      `emulator with its latency model on (${SLOW_STREAM.firstTokenMilliseconds} ms to the first token, then ${SLOW_STREAM.tokensPerSecond} ` +
      `tokens per second, ${SLOW_STREAM.tokens} tokens), a fresh gateway process, ${streams.toLocaleString('en-US')} streams opened at once, ` +
      'VmRSS read from /proc/<pid>/status every 50 ms.',
    '',
    '### Targets',
    '',
    targetTable(checks),
    '',
    '### Latency at concurrency 1 (ms, to the last byte of the answer)',
    '',
    latencyTable(figures),
    '',
    '### Time to first token at concurrency 1 (ms, streams)',
    '',
    firstTokenTable(figures),
    '',
    `### Throughput at concurrency ${CONCURRENCY} (requests per second)`,
    '',
    throughputTable(figures),
    '',
    `### Resident memory with ${streams.toLocaleString('en-US')} concurrent streams`,
    '',
    memoryTable(memory),
    '',
    '### Notes',
    '',
    `- Ledger: ${recorded.toLocaleString('en-US')} requests recorded for ${throughFrugal.sent.toLocaleString('en-US')} sent through Frugal during the run` +
      `${recorded === throughFrugal.sent ? ' — one record per request.' : ' — they differ.'}`,
    `- Portkey \`${PORTKEY_VERSION}\` declares \`@hono/node-server ^1.3.3\`; with the newest 1.x every streamed answer fails with \`TypeError: immutable\` ` +
      `(Portkey issue #1389), so the benchmark pins \`${HONO_NODE_SERVER_VERSION}\`. Its stream reader waits 25 ms before relaying the first ` +
      'chunk of every stream (`readStream` in `src/handlers/streamHandler.ts`), which shows in its streamed latency and time to first token.',
    clientLoadNote(figures),
    '- Figures move by about ±30% from run to run on this shared machine; compare the ratios within one run.',
  ].join('\n');

  console.log(`\n## Gateway overhead\n\n${section}\n`);
  if (values['no-docs']) return;
  writeSection(DOCS, 'Gateway overhead', section);
  progress(`written into ${DOCS}`);
}

try {
  await main();
} finally {
  await cleanUp();
}
