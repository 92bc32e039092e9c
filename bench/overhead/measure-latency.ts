import { exchange } from '../load/exchange.ts';
import type { Scenario } from './scenarios.ts';
import type { PathName, Target } from './targets.ts';

export interface LatencySamples {
  /** Milliseconds to the last byte of each answer. */
  total: number[];
  /** Milliseconds to the first streamed token (streams only). */
  firstToken: number[];
  failures: number;
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/**
 * Latency at concurrency 1, alternated: each round sends the scenario's request once through every
 * target, in a fresh random order, one after the other, so noise on the shared machine falls on
 * all paths alike. The first `warmupMilliseconds` of rounds are discarded.
 */
export async function measureLatency(targets: readonly Target[], scenario: Scenario, milliseconds: number, warmupMilliseconds: number): Promise<Map<PathName, LatencySamples>> {
  const samples = new Map<PathName, LatencySamples>(targets.map((target) => [target.name, { total: [], firstToken: [], failures: 0 }]));
  const started = performance.now();
  const measureFrom = started + warmupMilliseconds;
  const deadline = measureFrom + milliseconds;
  for (let now = started; now < deadline; now = performance.now()) {
    const counting = now >= measureFrom;
    for (const target of shuffled(targets)) {
      const own = samples.get(target.name)!;
      target.sent++;
      try {
        const result = await exchange(target.single, target.requestFor(scenario));
        if (!counting) continue;
        if (result.status !== 200) {
          own.failures++;
          continue;
        }
        own.total.push(result.totalMilliseconds);
        if (scenario.stream) own.firstToken.push(result.firstTokenMilliseconds);
      } catch {
        if (counting) own.failures++;
      }
    }
  }
  return samples;
}
