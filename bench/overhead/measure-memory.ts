import type { Dispatcher } from 'undici';
import { exchange, type ExchangeResult, type LoadRequest } from '../load/exchange.ts';
import { processMemory } from '../load/process-memory.ts';

export interface MemoryResult {
  streams: number;
  /** Streams that ended with a complete, valid answer. */
  valid: number;
  /** The first few reasons streams were not valid. */
  problems: string[];
  /** The most streams open at the same moment (response head received, end not yet). */
  peakOpen: number;
  idleResidentBytes: number;
  /** The highest VmRSS sampled every 50 ms while the streams ran. */
  peakResidentBytes: number;
  seconds: number;
}

const SAMPLE_EVERY_MILLISECONDS = 50;

/** The most intervals [start, end) that overlap at one moment. */
function mostOverlapping(intervals: readonly (readonly [number, number])[]): number {
  const edges: [number, number][] = [];
  for (const [start, end] of intervals) edges.push([start, 1], [end, -1]);
  edges.sort((left, right) => left[0] - right[0] || left[1] - right[1]);
  let open = 0;
  let most = 0;
  for (const [, change] of edges) {
    open += change;
    most = Math.max(most, open);
  }
  return most;
}

/**
 * Opens `streams` slow streams at once through a server and samples the server process's resident
 * memory until they have all ended. `check` throws when an answer is not a valid stream.
 */
export async function measureStreamMemory(
  pid: number,
  dispatcher: Dispatcher,
  request: LoadRequest,
  streams: number,
  check: (result: ExchangeResult) => void,
): Promise<MemoryResult> {
  const idleResidentBytes = processMemory(pid).residentBytes;
  let peakResidentBytes = idleResidentBytes;
  const sampler = setInterval(() => {
    peakResidentBytes = Math.max(peakResidentBytes, processMemory(pid).residentBytes);
  }, SAMPLE_EVERY_MILLISECONDS);
  const started = performance.now();
  const settled = await Promise.allSettled(Array.from({ length: streams }, () => exchange(dispatcher, request, true)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const problems: string[] = [];
  const intervals: [number, number][] = [];
  let valid = 0;
  for (const outcome of settled) {
    if (outcome.status === 'rejected') {
      problems.push(String(outcome.reason));
      continue;
    }
    const result = outcome.value;
    intervals.push([result.startedAt + result.headersMilliseconds, result.startedAt + result.totalMilliseconds]);
    try {
      check(result);
      valid++;
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { streams, valid, problems: [...new Set(problems)].slice(0, 3), peakOpen: mostOverlapping(intervals), idleResidentBytes, peakResidentBytes, seconds };
}
