import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { FrugalError } from '../errors/frugal-error.ts';
import { Catalog } from './catalog.ts';
import { contentHash } from './content-hash.ts';
import { mergeCatalogFiles } from './merge.ts';
import { applyOverrides, parseOverrides } from './overrides.ts';
import { SHIPPED_CATALOG_URL } from './shipped-path.ts';
import type { CatalogFile } from './types.ts';
import { validateCatalogFile } from './validate.ts';

let shipped: { file: CatalogFile; catalog: Catalog } | undefined;

function parseCatalogJson(text: string, path: string): CatalogFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FrugalError('FRUGAL_INVALID_CATALOG', `catalog ${path} is not valid JSON: ${(error as Error).message}`, { path });
  }
  try {
    validateCatalogFile(parsed);
  } catch (error) {
    if (FrugalError.isInstance(error)) {
      throw new FrugalError(error.code, `catalog ${path}: ${error.message}`, { path, ...error.details });
    }
    throw error;
  }
  return parsed;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `cannot read ${path}: ${reason}`, { path });
  }
}

/** The parsed catalog shipped with Frugal (src/catalog/data/catalog.json). */
export function loadShippedCatalogFile(): CatalogFile {
  return loadShipped().file;
}

function loadShipped(): { file: CatalogFile; catalog: Catalog } {
  if (shipped === undefined) {
    let text: string;
    try {
      text = readFileSync(SHIPPED_CATALOG_URL, 'utf8');
    } catch {
      throw new FrugalError('FRUGAL_DATA_MISSING', `the shipped catalog ${SHIPPED_CATALOG_URL.pathname} is missing; run npm run catalog:build`);
    }
    const file = parseCatalogJson(text, SHIPPED_CATALOG_URL.pathname);
    shipped = { file, catalog: Catalog.fromFile(file) };
  }
  return shipped;
}

/** The shipped catalog, read and indexed once per process. */
export function loadShippedCatalog(): Catalog {
  return loadShipped().catalog;
}

export interface LoadCatalogOptions {
  /** Operator overrides file (YAML or JSON), applied last. */
  overrides?: string;
  /** Catalog files (CatalogFile JSON) merged over the shipped catalog, in order. */
  extraCatalogs?: string[];
}

/**
 * The shipped catalog file with extra catalog files merged over it (each replaces the whole
 * history of the models it names), then operator overrides applied.
 */
export async function loadCatalogFile(options: LoadCatalogOptions = {}): Promise<CatalogFile> {
  let file = loadShippedCatalogFile();
  for (const path of options.extraCatalogs ?? []) {
    const text = await readText(path);
    file = mergeCatalogFiles(file, parseCatalogJson(text, path), `catalog.${contentHash(text)}`);
  }
  if (options.overrides !== undefined) {
    const text = await readText(options.overrides);
    file = applyOverrides(file, parseOverrides(text, options.overrides), contentHash(text));
  }
  return file;
}

/** The catalog of loadCatalogFile, indexed; the shipped catalog itself when nothing is added. */
export async function loadCatalog(options: LoadCatalogOptions = {}): Promise<Catalog> {
  if (options.overrides === undefined && (options.extraCatalogs ?? []).length === 0) return loadShippedCatalog();
  return Catalog.fromFile(await loadCatalogFile(options));
}
