import type { Lever, LeverCall } from '../levers/lever.ts';

/**
 * Step "levers": each lever in order, awaited only when it is asynchronous. With no lever
 * configured this returns at once and the request keeps the same-protocol fast path.
 */
export async function runLevers(levers: readonly Lever[], call: LeverCall): Promise<void> {
  for (const lever of levers) {
    const result = lever.apply(call);
    if (result !== undefined) await result;
  }
}
