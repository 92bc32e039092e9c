import { loadConfig } from '../config/load-config.ts';
import { FrugalError } from '../errors/frugal-error.ts';
import { isMissingLedger, openLedgerStore, type DayRange, type LedgerStore, type LedgerStoreConfig } from '../ledger/index.ts';

/** Options shared by the commands that read the ledger `frugal serve` writes (report, advise). */
export const LEDGER_OPTIONS = {
  config: { type: 'string' },
  sqlite: { type: 'string' },
  postgres: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

export const LEDGER_OPTIONS_USAGE = `  --config    read the ledger that FILE's storage section names, as \`frugal serve --config FILE\` writes it
              (default: ./frugal.yaml when present, else .frugal/ledger.db under the working directory)
  --sqlite    read the SQLite ledger at PATH
  --postgres  read the PostgreSQL ledger at URL (postgres://user:password@host:5432/database)`;

interface LedgerOptionValues {
  config?: string | undefined;
  sqlite?: string | undefined;
  postgres?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day range of --from / --to, both inclusive and optional. */
export function readDayRange(values: LedgerOptionValues): DayRange {
  const range: DayRange = {};
  for (const field of ['from', 'to'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--${field} must be a UTC day as YYYY-MM-DD, got "${value}"`);
    }
    range[field] = value;
  }
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--from ${range.from} is after --to ${range.to}`);
  }
  return range;
}

/** The storage `frugal serve` would write with the same configuration, unless a location is given. */
export async function readLedgerLocation(values: LedgerOptionValues): Promise<LedgerStoreConfig> {
  const given = (['config', 'sqlite', 'postgres'] as const).filter((option) => values[option] !== undefined);
  if (given.length > 1) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `give one of --config, --sqlite or --postgres, not ${given.map((option) => `--${option}`).join(' and ')}`);
  }
  if (values.sqlite !== undefined) return { backend: 'sqlite', path: values.sqlite };
  if (values.postgres !== undefined) {
    // Not echoed: a mistyped URL may still hold a password.
    if (!/^postgres(ql)?:\/\//i.test(values.postgres)) {
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', '--postgres takes a postgres:// or postgresql:// URL');
    }
    return { backend: 'postgres', url: values.postgres };
  }
  const { storage } = await loadConfig(values.config);
  return storage.backend === 'postgres' ? { backend: 'postgres', url: storage.url! } : { backend: 'sqlite', path: storage.path };
}

/** Opens an existing ledger read-only; a missing one is an error that says how to create it. */
export async function openLedgerForReading(storage: LedgerStoreConfig): Promise<LedgerStore> {
  try {
    return await openLedgerStore(storage, { create: false });
  } catch (error) {
    if (!isMissingLedger(error)) throw error;
    const { message, details } = error as FrugalError;
    throw new FrugalError(
      'FRUGAL_LEDGER_STORAGE',
      `${message}. \`frugal serve\` creates the ledger when it starts (with the same --config), or run ` +
        '`frugal demo --keep-running` and pass the ledger path it prints to --sqlite',
      details,
    );
  }
}
