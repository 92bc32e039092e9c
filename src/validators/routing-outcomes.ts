import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FrugalError } from '../errors/frugal-error.ts';

/** One row of a routing outcomes file (format in shared/data/README.md). */
export interface OutcomeRow {
  id: string;
  source: string;
  messages: Array<{ role: string; content: string }>;
  outcomes: Record<string, { score: number; cost_usd?: number; response?: string }>;
}

/** Reads `../shared/data/routing/<file>` (used by tests that check extraction on real answers). */
export function readRoutingOutcomes(file: string): OutcomeRow[] {
  const path = fileURLToPath(new URL(`../../../shared/data/routing/${file}`, import.meta.url));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new FrugalError('FRUGAL_DATA_MISSING', `routing outcomes file ${path} is absent; it ships in shared/data/routing`, { path });
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as OutcomeRow);
}
