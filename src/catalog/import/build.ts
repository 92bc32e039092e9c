import { BUCKET_NAMES } from '../../usage/buckets.ts';
import { PRICING_MODES, type CatalogEntry, type CatalogFile, type ModePrices } from '../types.ts';
import { validateCatalogFile } from '../validate.ts';
import { applyCorrections, CORRECTIONS_REVISION } from './corrections.ts';
import { withHistory } from './history.ts';
import { mapRecord } from './litellm-fields.ts';
import { selectEntry, type Selection, type SnapshotRecord } from './providers.ts';
import type { Snapshot } from './read-snapshot.ts';

export interface BuildOptions {
  /** Apply the named corrections (default true); false gives the raw import, for checks. */
  corrections?: boolean;
  /** The catalog being refreshed: its dated entries become price history. */
  previous?: CatalogFile;
}

interface Group {
  selections: { key: string; record: SnapshotRecord; selection: Selection }[];
}

/** A key written "provider/model" in LiteLLM's own prefix is its canonical entry. */
function isCanonicalKey(key: string, record: SnapshotRecord): boolean {
  return typeof record.litellm_provider === 'string' && key.startsWith(`${record.litellm_provider}/`);
}

function entryFromGroup(group: Group, date: string): CatalogEntry {
  const ordered = [...group.selections].sort(
    (left, right) => Number(isCanonicalKey(right.key, right.record)) - Number(isCanonicalKey(left.key, left.record)),
  );
  const first = ordered[0]!;
  // Prices come from the canonical key alone (mixing two records' prices gave incoherent
  // entries); the other keys become aliases.
  const aliases = new Set(first.selection.aliases);
  for (const item of ordered.slice(1)) {
    for (const alias of item.selection.aliases) aliases.add(alias);
    if (item.key !== first.selection.model && item.key !== `${first.selection.provider}/${first.selection.model}`) aliases.add(item.key);
  }
  const entry = mapRecord(first.key, first.record, { ...first.selection, aliases: [...aliases] }, date);
  entry.source = `litellm ${date}: ${ordered.map((item) => item.key).join(', ')}`;
  return entry;
}

const ENTRY_FIELDS = [
  'provider', 'model', 'aliases', 'effectiveFrom', 'kind', 'contextWindow', 'maxOutputTokens', 'capabilities',
  'promptCacheMinTokens', 'prices', 'longContext', 'regionMultipliers', 'fees', 'deprecationDate', 'source',
];

function ordered<T extends object>(value: T, order: readonly string[]): T {
  const fields = Object.entries(value).sort(([left], [right]) => order.indexOf(left) - order.indexOf(right));
  return Object.fromEntries(fields) as T;
}

function orderedModes(prices: ModePrices): ModePrices {
  const result = ordered(prices, PRICING_MODES);
  for (const mode of PRICING_MODES) {
    const bucketPrices = result[mode];
    if (bucketPrices !== undefined) result[mode] = ordered(bucketPrices, BUCKET_NAMES);
  }
  return result;
}

/** Fields in schema order, so every entry reads the same way and diffs stay small. */
function inSchemaOrder(entry: CatalogEntry): CatalogEntry {
  const result = ordered(entry, ENTRY_FIELDS);
  result.prices = orderedModes(entry.prices);
  if (entry.longContext !== undefined) {
    result.longContext = entry.longContext.map((tier) => ({ aboveInputTokens: tier.aboveInputTokens, prices: orderedModes(tier.prices) }));
  }
  return result;
}

function compareEntries(left: CatalogEntry, right: CatalogEntry): number {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return order(left.provider, right.provider) || order(left.model, right.model) || order(left.effectiveFrom, right.effectiveFrom);
}

/**
 * Frugal's catalog from a LiteLLM snapshot: the covered entries mapped field for field,
 * duplicates merged, corrections applied, price history kept from the previous catalog,
 * sorted by provider, model and date so refreshes give readable diffs.
 */
export function buildCatalog(snapshot: Snapshot, options: BuildOptions = {}): CatalogFile {
  const groups = new Map<string, Group>();
  for (const [key, record] of Object.entries(snapshot.records)) {
    if (typeof record !== 'object' || record === null) continue;
    const selection = selectEntry(key, record);
    if (selection === undefined) continue;
    const groupKey = `${selection.provider}\u0000${selection.model.toLowerCase()}`;
    const group = groups.get(groupKey) ?? { selections: [] };
    group.selections.push({ key, record, selection });
    groups.set(groupKey, group);
  }
  const correct = options.corrections ?? true;
  const entries = [...groups.values()].map((group) => {
    const entry = entryFromGroup(group, snapshot.date);
    return inSchemaOrder(correct ? applyCorrections(entry) : entry);
  });
  const file: CatalogFile = {
    version: `litellm-${snapshot.date}+${correct ? `frugal.${CORRECTIONS_REVISION}` : 'raw'}`,
    generatedFrom: snapshot.fileName,
    entries: withHistory(entries, options.previous).sort(compareEntries),
  };
  validateCatalogFile(file);
  return file;
}

/** The catalog as committed: two-space JSON, one trailing newline. */
export function serializeCatalog(file: CatalogFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
