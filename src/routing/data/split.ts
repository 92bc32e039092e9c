import { FrugalError } from '../../errors/frugal-error.ts';
import { hashUnit } from '../hashing/string-hash.ts';

export interface SplitOptions {
  /** Share of items held out for the final test (default 0.3). */
  testShare?: number;
  /** Share of items set aside from training for validation (calibration, stacking checks; default 0.15). */
  validationShare?: number;
  /** Changes the assignment; the same salt always gives the same split (default "frugal-route-v1"). */
  salt?: string;
}

export interface Split<T> {
  train: T[];
  validation: T[];
  test: T[];
}

export const DEFAULT_SPLIT = { testShare: 0.3, validationShare: 0.15, salt: 'frugal-route-v1' } as const;

export type SplitName = keyof Split<unknown>;

/** Which part an id belongs to: a pure function of (id, salt, shares), so files can be re-split anywhere. */
export function splitOf(id: string, options: SplitOptions = {}): SplitName {
  const testShare = options.testShare ?? DEFAULT_SPLIT.testShare;
  const validationShare = options.validationShare ?? DEFAULT_SPLIT.validationShare;
  if (!(testShare >= 0 && validationShare >= 0 && testShare + validationShare < 1)) {
    throw new FrugalError(
      'FRUGAL_INVALID_ARGUMENT',
      `split shares must be non-negative and sum below 1, got test ${testShare} and validation ${validationShare}`,
    );
  }
  const unit = hashUnit(id, options.salt ?? DEFAULT_SPLIT.salt);
  if (unit < testShare) return 'test';
  if (unit < testShare + validationShare) return 'validation';
  return 'train';
}

/** Deterministic train / validation / test split by a hash of each item's id (order-independent). */
export function splitById<T extends { id: string }>(items: readonly T[], options: SplitOptions = {}): Split<T> {
  const split: Split<T> = { train: [], validation: [], test: [] };
  for (const item of items) split[splitOf(item.id, options)].push(item);
  return split;
}

/** The fold (0 … folds−1) of an id for k-fold cross-validation, by the same hash. */
export function foldOf(id: string, folds: number, salt: string = DEFAULT_SPLIT.salt): number {
  return Math.min(folds - 1, Math.floor(hashUnit(id, `${salt}/folds`) * folds));
}
