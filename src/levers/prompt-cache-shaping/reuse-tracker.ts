import { BoundedMap } from '../bounded-map/bounded-map.ts';

export interface ReuseTrackerOptions {
  /** Most (route, prefix) pairs remembered; the least recently seen is forgotten first. Default 10,000. */
  capacity?: number;
  /** Intervals kept per prefix for the median. Default 8. */
  samples?: number;
  /** Milliseconds since the epoch; injectable for tests. Default Date.now. */
  clock?: () => number;
}

interface Sightings {
  last: number;
  intervals: number[];
}

/**
 * How often each route reuses each prompt prefix: the median of the last few intervals
 * between requests carrying the same prefix. In memory, per gateway instance, bounded.
 */
export class ReuseTracker {
  readonly #seen: BoundedMap<string, Sightings>;
  readonly #samples: number;
  readonly #clock: () => number;

  constructor(options: ReuseTrackerOptions = {}) {
    this.#seen = new BoundedMap(options.capacity ?? 10_000);
    this.#samples = options.samples ?? 8;
    this.#clock = options.clock ?? Date.now;
  }

  /**
   * Records a request carrying `prefixHash` on `route` now, and returns the median of the
   * reuse intervals seen so far in milliseconds, the one ending now included (undefined on the
   * first sighting).
   */
  observe(route: string, prefixHash: string): number | undefined {
    const key = `${route}\u0000${prefixHash}`;
    const now = this.#clock();
    const sightings = this.#seen.get(key);
    if (sightings === undefined) {
      this.#seen.set(key, { last: now, intervals: [] });
      return undefined;
    }
    sightings.intervals.push(Math.max(0, now - sightings.last));
    if (sightings.intervals.length > this.#samples) sightings.intervals.shift();
    sightings.last = now;
    return median(sightings.intervals);
  }
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
