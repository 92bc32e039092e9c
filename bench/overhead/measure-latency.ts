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

/** How far (ms of requests) one path may run ahead of the slowest before it sits out rounds. */
const AHEAD_MILLISECONDS = 5;

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/**
 * Latency at concurrency 1, interleaved: each round sends the scenario's request once through every
 * target, one after the other, in a fresh random order, so noise on the shared machine falls on all
 * paths alike. A path that has spent more than a few milliseconds longer on its requests than the
 * slowest sits rounds out, so every path gets the same share of the time (a path with a slow answer
 * gets fewer samples, not more of the clock). The first `warmupMilliseconds` are discarded.
 */
export async function measureLatency(targets: readonly Target[], scenario: Scenario, milliseconds: number, warmupMilliseconds: number): Promise<Map<PathName, LatencySamples>> {
  const samples = new Map<PathName, LatencySamples>(targets.map((target) => [target.name, { total: [], firstToken: [], failures: 0 }]));
  const spent = new Map<PathName, number>(targets.map((target) => [target.name, 0]));
  const started = performance.now();
  const measureFrom = started + warmupMilliseconds;
  const deadline = measureFrom + milliseconds;
  for (let now = started; now < deadline; now = performance.now()) {
    const counting = now >= measureFrom;
    const slowest = Math.min(...spent.values());
    for (const target of shuffled(targets)) {
      if (spent.get(target.name)! > slowest + AHEAD_MILLISECONDS) continue;
      const own = samples.get(target.name)!;
      target.sent++;
      const sent = performance.now();
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
      } finally {
        spent.set(target.name, spent.get(target.name)! + performance.now() - sent);
      }
    }
  }
  return samples;
}
