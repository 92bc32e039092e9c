import type { Catalog } from '../../catalog/catalog.ts';
import type { LengthConfiguration } from '../answers/answer-length.ts';
import type { BatchTiming } from '../batches/batch-timing.ts';
import type { PromptCacheLimits } from '../cache/prompt-cache-registry.ts';
import type { Clock } from '../clock.ts';
import type { BodyMemoLimits } from '../engine/body-memo.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import type { LatencyConfiguration } from '../latency-model.ts';
import type { RateLimits } from '../rate-limits/rate-limit-window.ts';

export interface ReplayConfiguration {
  /** An outcomes dataset in the format of shared/data/routing/*.jsonl. */
  file: string;
  /** Requested model → dataset model whose recorded answers it gets. */
  models?: Record<string, string>;
}

/** Everything `startEmulator` accepts; the config file holds the same fields (less clock and catalog). */
export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  latency?: LatencyConfiguration;
  answers?: LengthConfiguration;
  faults?: FaultPlan;
  rateLimits?: Partial<RateLimits>;
  batches?: Partial<BatchTiming>;
  promptCache?: Partial<PromptCacheLimits>;
  /** What is kept of request bodies already seen (`maximumEntries: 0` keeps nothing). */
  bodyMemo?: Partial<BodyMemoLimits>;
  replay?: ReplayConfiguration;
  /** Time source; default: wall clock that `clock.advance()` can move forward. */
  clock?: Clock;
  /** Models served; default: the shipped catalog. */
  catalog?: Catalog;
}
