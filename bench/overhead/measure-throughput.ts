import { closedLoop, type ClosedLoopResult } from '../load/closed-loop.ts';
import { processCpuSeconds } from '../load/process-cpu.ts';
import type { Scenario } from './scenarios.ts';
import type { PathName, Target } from './targets.ts';

export interface ThroughputResult extends ClosedLoopResult {
  /** CPU seconds the path's own server process (emulator or gateway) used while it was loaded. */
  cpuSeconds: number;
  /** CPU seconds of this process, the load client, over the same slices. */
  clientCpuSeconds: number;
}

function clientCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * Throughput at `concurrency` in alternating slices: every target gets a short warm-up, then
 * `slices` rounds in which each target in turn (the starting one rotating) runs a closed loop for
 * `sliceMilliseconds`. Only one target is loaded at a time; slow phases of the shared machine are
 * spread over all of them. The CPU its server used is read around each slice, which gives a cost
 * per request that the machine's other load disturbs far less than requests per second.
 */
export async function measureThroughput(
  targets: readonly Target[],
  scenario: Scenario,
  concurrency: number,
  sliceMilliseconds: number,
  slices: number,
): Promise<Map<PathName, ThroughputResult>> {
  const totals = new Map<PathName, ThroughputResult>(targets.map((target) => [target.name, { completed: 0, failures: 0, seconds: 0, cpuSeconds: 0, clientCpuSeconds: 0 }]));
  const run = async (target: Target, milliseconds: number) => {
    const result = await closedLoop(target.pool, target.requestFor(scenario), concurrency, milliseconds);
    target.sent += result.completed + result.failures;
    return result;
  };
  for (const target of targets) await run(target, Math.min(500, sliceMilliseconds));
  for (let slice = 0; slice < slices; slice++) {
    for (let offset = 0; offset < targets.length; offset++) {
      const target = targets[(slice + offset) % targets.length]!;
      const cpuBefore = processCpuSeconds(target.serverPid);
      const clientBefore = clientCpuSeconds();
      const result = await run(target, sliceMilliseconds);
      const total = totals.get(target.name)!;
      total.cpuSeconds += processCpuSeconds(target.serverPid) - cpuBefore;
      total.clientCpuSeconds += clientCpuSeconds() - clientBefore;
      total.completed += result.completed;
      total.failures += result.failures;
      total.seconds += result.seconds;
    }
  }
  return totals;
}
