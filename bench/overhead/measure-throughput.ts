import { closedLoop, type ClosedLoopResult } from '../load/closed-loop.ts';
import type { Scenario } from './scenarios.ts';
import type { PathName, Target } from './targets.ts';

/**
 * Throughput at `concurrency` in alternating slices: every target gets a short warm-up, then
 * `slices` rounds in which each target in turn (the starting one rotating) runs a closed loop for
 * `sliceMilliseconds`. Only one target is loaded at a time; slow phases of the shared machine are
 * spread over all of them.
 */
export async function measureThroughput(
  targets: readonly Target[],
  scenario: Scenario,
  concurrency: number,
  sliceMilliseconds: number,
  slices: number,
): Promise<Map<PathName, ClosedLoopResult>> {
  const totals = new Map<PathName, ClosedLoopResult>(targets.map((target) => [target.name, { completed: 0, failures: 0, seconds: 0 }]));
  const run = async (target: Target, milliseconds: number) => {
    const result = await closedLoop(target.pool, target.requestFor(scenario), concurrency, milliseconds);
    target.sent += result.completed + result.failures;
    return result;
  };
  for (const target of targets) await run(target, Math.min(500, sliceMilliseconds));
  for (let slice = 0; slice < slices; slice++) {
    for (let offset = 0; offset < targets.length; offset++) {
      const target = targets[(slice + offset) % targets.length]!;
      const result = await run(target, sliceMilliseconds);
      const total = totals.get(target.name)!;
      total.completed += result.completed;
      total.failures += result.failures;
      total.seconds += result.seconds;
    }
  }
  return totals;
}
