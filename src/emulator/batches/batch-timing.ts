/** How long batches take, on the emulator's clock. */
export interface BatchTiming {
  /** From creation to completion (OpenAI `completed`, Anthropic `ended`). */
  completionDelayMilliseconds: number;
  /** Past this, unfinished requests expire (both providers: 24 hours). */
  expireAfterMilliseconds: number;
}

export const DEFAULT_BATCH_TIMING: BatchTiming = {
  completionDelayMilliseconds: 2_000,
  expireAfterMilliseconds: 24 * 60 * 60_000,
};

/**
 * OpenAI's phases as fractions of the completion delay: validating for the first 10%, in progress
 * until 90%, finalizing until 100%. Each request finishes at its own instant inside the in-progress
 * window, so cancelling part-way leaves some requests done and others not.
 */
export const PHASES = { validatingUntil: 0.1, inProgressUntil: 0.9 } as const;

/** The instant request `slot` (a draw in [0, 1)) finishes, for a batch created at `createdAt`. */
export function requestFinishesAt(createdAt: number, timing: BatchTiming, slot: number): number {
  const delay = timing.completionDelayMilliseconds;
  return createdAt + delay * (PHASES.validatingUntil + (PHASES.inProgressUntil - PHASES.validatingUntil) * slot);
}
