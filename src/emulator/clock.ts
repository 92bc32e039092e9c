/**
 * The emulator's notion of time. Prompt-cache TTLs, batch lifecycles and rate-limit windows all
 * read `now()`, so tests move time forward with `advance()` instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Moves this clock forward; never backward. */
  advance(milliseconds: number): void;
}

/**
 * Wall-clock time plus an offset that `advance()` grows; with `start` the clock is frozen at that
 * instant and only `advance()` moves it (fully deterministic tests).
 */
export function createClock(options: { start?: number } = {}): Clock {
  let offset = 0;
  const start = options.start;
  return {
    now: start === undefined ? () => Date.now() + offset : () => start + offset,
    advance(milliseconds) {
      if (!Number.isFinite(milliseconds) || milliseconds < 0) {
        throw new RangeError(`clock.advance expects a non-negative number of milliseconds, got ${milliseconds}`);
      }
      offset += milliseconds;
    },
  };
}
