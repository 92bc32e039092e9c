import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { FrugalError } from '../errors/frugal-error.ts';
import { parseConfig } from './parse-config.ts';
import type { FrugalConfig } from './types.ts';

/**
 * Loads the gateway configuration: the named file, else ./frugal.yaml when present, else
 * the defaults (every known provider at its public URL, SQLite under .frugal/).
 * Relative paths inside the file are resolved against the file's folder.
 */
export async function loadConfig(path?: string): Promise<FrugalConfig> {
  const file = path ?? 'frugal.yaml';
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && path === undefined) return parseConfig('{}', '(defaults)');
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `cannot read configuration ${file}: ${(error as Error).message}`);
  }
  const config = parseConfig(text, file);
  const folder = dirname(resolve(file));
  return {
    ...config,
    catalog: config.catalog.overrides === undefined ? {} : { overrides: resolve(folder, config.catalog.overrides) },
    storage: { ...config.storage, path: resolve(folder, config.storage.path) },
  };
}
