import { loadShippedCatalog } from '../catalog/load.ts';
import { AnthropicBatchStore } from './batches/anthropic-batch-store.ts';
import type { BatchExecutor } from './batches/batch-executor.ts';
import { DEFAULT_BATCH_TIMING } from './batches/batch-timing.ts';
import { FileStore } from './batches/file-store.ts';
import { OpenAIBatchStore } from './batches/openai-batch-store.ts';
import { DEFAULT_PROMPT_CACHE_LIMITS, PromptCacheRegistry } from './cache/prompt-cache-registry.ts';
import { createClock, type Clock } from './clock.ts';
import { BodyMemo, DEFAULT_BODY_MEMO_LIMITS } from './engine/body-memo.ts';
import type { EmulatorOptions } from './configuration/emulator-options.ts';
import { resetState } from './control/control-routes.ts';
import type { EmulatorState } from './engine/emulator-state.ts';
import { FaultInjector } from './faults/fault-injector.ts';
import { createEmulatorServer } from './http/emulator-server.ts';
import { exchangeHandler } from './http/route-request.ts';
import { IdGenerator } from './id-generator.ts';
import { batchExecutor, providerRoutes } from './provider-routes.ts';
import { DEFAULT_RATE_LIMITS, RateLimitWindows } from './rate-limits/rate-limit-window.ts';
import { loadReplayDataset } from './replay/replay-dataset.ts';
import { seededRandom } from './seeded-random.ts';

export interface RunningEmulator {
  /** http://host:port, no trailing slash. */
  url: string;
  port: number;
  /** Base URLs to give each SDK: OpenAI `baseURL`, Anthropic `baseURL`, Gemini `httpOptions.baseUrl`. */
  urls: { openai: string; anthropic: string; gemini: string; compatible: string };
  /** The emulator's time: advance it to expire prompt caches and finish batches. */
  clock: Clock;
  faults: FaultInjector;
  state: EmulatorState;
  /** Clears prompt caches, rate-limit windows, faults, files and batches. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_SEED = 42;

/** Starts the emulator (its own HTTP/1.1 loop, node:http behind it) and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = options.seed ?? DEFAULT_SEED;
  const ids = new IdGenerator(seed);
  const clock = options.clock ?? createClock();
  const batchTiming = { ...DEFAULT_BATCH_TIMING, ...options.batches };
  const replay = options.replay === undefined ? undefined : await loadReplayDataset(options.replay.file, options.replay.models);
  const files = new FileStore(ids);
  let execute: BatchExecutor = () => Promise.reject(new Error('the emulator is not started'));
  const forward: BatchExecutor = (endpoint, body, apiKey) => execute(endpoint, body, apiKey);
  const state: EmulatorState = {
    catalog: options.catalog ?? loadShippedCatalog(),
    clock,
    seed,
    ids,
    latency: options.latency ?? { mode: 'zero' },
    lengths: options.answers ?? {},
    faults: new FaultInjector(seededRandom(seed ^ 0x7f4a7c15), options.faults),
    rateLimits: new RateLimitWindows({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }),
    promptCaches: new PromptCacheRegistry({ ...DEFAULT_PROMPT_CACHE_LIMITS, ...options.promptCache }),
    preparedRequests: new BodyMemo({ ...DEFAULT_BODY_MEMO_LIMITS, ...options.bodyMemo }),
    replay,
    batchTiming,
    files,
    openaiBatches: new OpenAIBatchStore(files, ids, batchTiming, forward, seed),
    anthropicBatches: new AnthropicBatchStore(ids, batchTiming, forward, seed),
    organization: 'org-frugal-emulator',
  };
  const routes = providerRoutes(state);
  execute = batchExecutor(state);

  const server = createEmulatorServer(exchangeHandler(state, routes));
  const { port, address, family } = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  const host = family === 'IPv6' ? `[${address}]` : address === '0.0.0.0' ? '127.0.0.1' : address;
  const url = `http://${host}:${port}`;
  return {
    url,
    port,
    urls: { openai: `${url}/v1`, anthropic: url, gemini: url, compatible: `${url}/{provider}/v1` },
    clock,
    faults: state.faults,
    state,
    reset: () => resetState(state),
    close: () => server.close(),
  };
}
