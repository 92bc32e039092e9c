import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { SnapshotRecord } from './providers.ts';

/** The LiteLLM price map snapshot shipped beside the repository (../shared/data/prices/). */
export const DEFAULT_SNAPSHOT_PATH = fileURLToPath(
  new URL('../../../../shared/data/prices/litellm-model-prices-2026-07-24.json', import.meta.url),
);

export interface Snapshot {
  records: Record<string, SnapshotRecord>;
  /** The snapshot's date (YYYY-MM-DD), taken from its file name unless given. */
  date: string;
  fileName: string;
}

export async function readSnapshot(path: string, date?: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FrugalError('FRUGAL_DATA_MISSING', `the LiteLLM price snapshot ${path} is absent; pass --from FILE naming a LiteLLM model_prices_and_context_window.json`, { path });
    }
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FrugalError('FRUGAL_INVALID_CATALOG', `snapshot ${path} is not valid JSON: ${(error as Error).message}`, { path });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new FrugalError('FRUGAL_INVALID_CATALOG', `snapshot ${path} must be a JSON object of model entries`, { path });
  }
  const fileName = basename(path);
  const snapshotDate = date ?? /(\d{4}-\d{2}-\d{2})/.exec(fileName)?.[1];
  if (snapshotDate === undefined) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `cannot tell the date of snapshot ${fileName} from its name; pass --date YYYY-MM-DD`, { path });
  }
  return { records: parsed as Record<string, SnapshotRecord>, date: snapshotDate, fileName };
}
