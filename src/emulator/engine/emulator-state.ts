import type { Catalog } from '../../catalog/catalog.ts';
import type { LengthConfiguration } from '../answers/answer-length.ts';
import type { AnthropicBatchStore } from '../batches/anthropic-batch-store.ts';
import type { BatchTiming } from '../batches/batch-timing.ts';
import type { FileStore } from '../batches/file-store.ts';
import type { OpenAIBatchStore } from '../batches/openai-batch-store.ts';
import type { PromptCacheRegistry } from '../cache/prompt-cache-registry.ts';
import type { Clock } from '../clock.ts';
import type { FaultInjector } from '../faults/fault-injector.ts';
import type { IdGenerator } from '../id-generator.ts';
import type { LatencyConfiguration } from '../latency-model.ts';
import type { RateLimitWindows } from '../rate-limits/rate-limit-window.ts';
import type { ReplayDataset } from '../replay/replay-dataset.ts';
import type { ChatEndpoint, Prepared } from '../http/serve-chat.ts';
import type { BodyMemo } from './body-memo.ts';

/** Everything the handlers share for the lifetime of one emulator. */
export interface EmulatorState {
  catalog: Catalog;
  clock: Clock;
  seed: number;
  ids: IdGenerator;
  latency: LatencyConfiguration;
  lengths: LengthConfiguration;
  faults: FaultInjector;
  rateLimits: RateLimitWindows;
  promptCaches: PromptCacheRegistry;
  /** Chat requests already prepared (and planned), by endpoint and exact body. */
  preparedRequests: BodyMemo<ChatEndpoint, Prepared>;
  replay: ReplayDataset | undefined;
  batchTiming: BatchTiming;
  files: FileStore;
  openaiBatches: OpenAIBatchStore;
  anthropicBatches: AnthropicBatchStore;
  /** Organisation id echoed in headers (`openai-organization`, `anthropic-organization-id`). */
  organization: string;
}
