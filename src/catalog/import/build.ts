import { BUCKET_NAMES } from '../../usage/buckets.ts';
import { PRICING_MODES, type CatalogEntry, type CatalogFile, type ModePrices } from '../types.ts';
import { validateCatalogFile } from '../validate.ts';
import { applyCorrections, CORRECTIONS_REVISION } from './corrections.ts';
import { samePricing, withHistory } from './history.ts';
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

/** A dated snapshot id: "claude-sonnet-4-5-20250929", "gpt-5.4-2026-03-05". */
const DATE_SUFFIX = /-(\d{8}|\d{4}-\d{2}-\d{2})$/;

/**
 * A dated snapshot with exactly the prices of its undated name (same provider) becomes an
 * alias of the undated entry: "claude-sonnet-4-5-20250929" resolves to "claude-sonnet-4-5".
 * The undated name is the entry because it is the one whose price can change over time (it
 * moves to newer snapshots), so its dated history stays in one place. Fields the undated
 * entry lacks (e.g. a deprecation date) are taken from the snapshot. A snapshot whose prices
 * differ stays an entry of its own.
 */
export function mergeDatedSnapshots(entries: CatalogEntry[]): CatalogEntry[] {
  const byName = new Map(entries.map((entry) => [`${entry.provider}\u0000${entry.model}`, entry]));
  const merged: CatalogEntry[] = [];
  for (const entry of entries) {
    const undatedName = entry.model.replace(DATE_SUFFIX, '');
    const undated = undatedName === entry.model ? undefined : byName.get(`${entry.provider}\u0000${undatedName}`);
    if (undated === undefined || !samePricing(undated, entry)) {
      merged.push(entry);
      continue;
    }
    undated.aliases = [...new Set([...(undated.aliases ?? []), entry.model, ...(entry.aliases ?? [])])];
    for (const field of ['contextWindow', 'maxOutputTokens', 'promptCacheMinTokens', 'deprecationDate'] as const) {
      if (undated[field] === undefined && entry[field] !== undefined) Object.assign(undated, { [field]: entry[field] });
    }
    undated.source = `${undated.source ?? ''}; dated snapshot ${entry.model} has the same prices: merged as an alias`;
  }
  return merged;
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
  const imported = [...groups.values()].map((group) => {
    const entry = entryFromGroup(group, snapshot.date);
    return correct ? applyCorrections(entry) : entry;
  });
  const entries = mergeDatedSnapshots(imported).map(inSchemaOrder);
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
