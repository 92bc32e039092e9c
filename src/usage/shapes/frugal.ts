/** Frugal's own buckets as a usage object: absent buckets read as 0, unknown keys are rejected. */
import { BUCKET_NAMES, type NormalizedUsage, type UsageBuckets } from '../buckets.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { readCount, readObject } from '../read-count.ts';

const KNOWN_KEYS: ReadonlySet<string> = new Set(BUCKET_NAMES);

export function normalizeFrugalUsage(raw: unknown): NormalizedUsage {
  const usage = readObject(raw, 'usage');
  for (const key of Object.keys(usage)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new FrugalError(
        'FRUGAL_INVALID_USAGE',
        `usage field ${key} is not a Frugal bucket; expected some of ${BUCKET_NAMES.join(', ')}`,
        { field: key, value: usage[key] },
      );
    }
  }
  const buckets: UsageBuckets = {
    input: readCount(usage['input'], 'input'),
    cacheRead: readCount(usage['cacheRead'], 'cacheRead'),
    cacheWrite5m: readCount(usage['cacheWrite5m'], 'cacheWrite5m'),
    cacheWrite1h: readCount(usage['cacheWrite1h'], 'cacheWrite1h'),
    output: readCount(usage['output'], 'output'),
    reasoning: readCount(usage['reasoning'], 'reasoning'),
  };
  return { format: 'frugal', buckets, raw };
}

export function encodeFrugalUsage(buckets: UsageBuckets): UsageBuckets {
  return { ...buckets };
}
