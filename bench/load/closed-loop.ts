import type { Dispatcher } from 'undici';
import { exchange, type LoadRequest } from './exchange.ts';

export interface ClosedLoopResult {
  completed: number;
  /** Answers whose status was not 200, and requests that failed outright. */
  failures: number;
  seconds: number;
}

/**
 * A closed-loop load: `concurrency` requests in flight, each followed by the next as soon as its
 * answer is complete, for `milliseconds`. The dispatcher should hold at least `concurrency`
 * keep-alive connections.
 */
export async function closedLoop(dispatcher: Dispatcher, request: LoadRequest, concurrency: number, milliseconds: number): Promise<ClosedLoopResult> {
  let completed = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + milliseconds;
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        const result = await exchange(dispatcher, request);
        if (result.status === 200) completed++;
        else failures++;
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { completed, failures, seconds: (performance.now() - started) / 1000 };
}
