import { FrugalError } from '../../errors/frugal-error.ts';
import type { CatalogEntry, CatalogFile } from '../types.ts';

function key(entry: CatalogEntry): string {
  return `${entry.provider.toLowerCase()}\u0000${entry.model.toLowerCase()}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).filter(([, item]) => item !== undefined);
    fields.sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${fields.map(([name, item]) => `${JSON.stringify(name)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether two entries charge the same: every price, tier, regional multiplier and fee. */
export function samePricing(left: CatalogEntry, right: CatalogEntry): boolean {
  const pricing = (entry: CatalogEntry) =>
    canonical({ prices: entry.prices, longContext: entry.longContext, regionMultipliers: entry.regionMultipliers, fees: entry.fees });
  return pricing(left) === pricing(right);
}

/**
 * Price history across refreshes. For each model of the new build:
 * - no earlier entry: the new entry alone;
 * - same prices as the latest earlier entry: that entry's date is kept (the price has not
 *   changed since), with the new metadata;
 * - different prices: earlier entries are kept and the new one starts at the new date;
 * - the latest earlier entry has the new date: it is replaced (a re-run of the same snapshot).
 * Models missing from the new file keep their earlier entries so old calls stay priced, unless
 * the new file names them as an alias of another entry of the same provider (a dated snapshot
 * merged into its undated name): that entry prices them now, and a stale entry of their own
 * would win the lookup.
 */
export function withHistory(current: CatalogEntry[], previous: CatalogFile | undefined): CatalogEntry[] {
  if (previous === undefined) return current;
  const histories = new Map<string, CatalogEntry[]>();
  for (const entry of previous.entries) {
    const history = histories.get(key(entry)) ?? [];
    history.push(entry);
    histories.set(key(entry), history);
  }
  const result: CatalogEntry[] = [];
  for (const entry of current) {
    const history = (histories.get(key(entry)) ?? []).sort((left, right) => left.effectiveFrom.localeCompare(right.effectiveFrom));
    histories.delete(key(entry));
    const latest = history.at(-1);
    if (latest === undefined) {
      result.push(entry);
    } else if (latest.effectiveFrom > entry.effectiveFrom) {
      throw new FrugalError(
        'FRUGAL_INVALID_CATALOG',
        `the previous catalog already has ${entry.provider}/${entry.model} from ${latest.effectiveFrom}, later than this snapshot's ${entry.effectiveFrom}; refresh only from a newer snapshot`,
        { provider: entry.provider, model: entry.model },
      );
    } else if (latest.effectiveFrom === entry.effectiveFrom) {
      result.push(...history.slice(0, -1), entry);
    } else if (samePricing(latest, entry)) {
      result.push(...history.slice(0, -1), { ...entry, effectiveFrom: latest.effectiveFrom });
    } else {
      result.push(...history, entry);
    }
  }
  const aliases = new Set(current.flatMap((entry) => (entry.aliases ?? []).map((alias) => key({ ...entry, model: alias }))));
  for (const [name, history] of histories) {
    if (!aliases.has(name)) result.push(...history);
  }
  return result;
}
