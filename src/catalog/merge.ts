import type { CatalogEntry, CatalogFile } from './types.ts';

function key(entry: CatalogEntry): string {
  return `${entry.provider.toLowerCase()}\u0000${entry.model.toLowerCase()}`;
}

/**
 * Lays `over` on `base`: every (provider, model) that `over` names replaces that model's whole
 * dated history in `base`; other entries are kept. The version records both sources.
 */
export function mergeCatalogFiles(base: CatalogFile, over: CatalogFile, versionSuffix: string): CatalogFile {
  const replaced = new Set(over.entries.map(key));
  return {
    version: `${base.version}+${versionSuffix}`,
    ...(base.generatedFrom === undefined ? {} : { generatedFrom: base.generatedFrom }),
    entries: [...base.entries.filter((entry) => !replaced.has(key(entry))), ...over.entries],
  };
}
