import { FrugalError } from '../errors/frugal-error.ts';
import { checkEntry, type Finding } from './check-rules.ts';
import type { CatalogFile } from './types.ts';
import { validateEntry } from './validate.ts';

export type { Finding } from './check-rules.ts';

const NEGATIVE = /^-\d+(\.\d+)?$/;

function negativePrices(value: unknown, path: string, found: string[]): string[] {
  if (typeof value === 'string' && NEGATIVE.test(value)) found.push(`${path} ${value}`);
  if (typeof value === 'object' && value !== null) {
    for (const [field, item] of Object.entries(value)) negativePrices(item, path === '' ? field : `${path}.${field}`, found);
  }
  return found;
}

/**
 * Validates a catalog file entry by entry and names suspicious prices. Malformed entries
 * are reported (rule "invalid-entry") instead of stopping the check at the first one.
 */
export function checkCatalog(file: CatalogFile): Finding[] {
  const findings: Finding[] = [];
  const entries: unknown[] = Array.isArray(file?.entries) ? file.entries : [];
  if (!Array.isArray(file?.entries)) {
    findings.push({ severity: 'error', provider: '-', model: '-', rule: 'invalid-catalog', message: 'the file has no "entries" list' });
  }
  entries.forEach((entry, index) => {
    const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const provider = typeof fields.provider === 'string' ? fields.provider : '?';
    const model = typeof fields.model === 'string' ? fields.model : `entry ${index}`;
    const negatives = negativePrices({ prices: fields.prices, longContext: fields.longContext, fees: fields.fees, regionMultipliers: fields.regionMultipliers }, '', []);
    for (const negative of negatives) {
      findings.push({ severity: 'error', provider, model, rule: 'negative-price', message: `${negative} is negative` });
    }
    try {
      validateEntry(entry, `entry ${index}`);
    } catch (error) {
      if (!FrugalError.isInstance(error)) throw error;
      if (negatives.length === 0) findings.push({ severity: 'error', provider, model, rule: 'invalid-entry', message: error.message });
      return;
    }
    findings.push(...checkEntry(entry));
  });
  return findings;
}
