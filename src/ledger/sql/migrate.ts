/** Brings a database up to the newest ledger schema; safe when several processes open it at once. */
import { FrugalError } from '../../errors/frugal-error.ts';
import type { SqlDriver } from './driver.ts';
import { columnTypes, MIGRATIONS } from './schema.ts';

export async function migrate(driver: SqlDriver): Promise<number> {
  const types = columnTypes(driver.dialect);
  return driver.transaction('exclusive', async (sql) => {
    await sql.run(`CREATE TABLE IF NOT EXISTS ledger_migrations (
    version INTEGER PRIMARY KEY,
    applied_at ${types.bigint} NOT NULL
  )`);
    const [row] = await sql.all('SELECT COALESCE(MAX(version), 0) AS version FROM ledger_migrations');
    const current = Number(row?.version ?? 0);
    const newest = MIGRATIONS.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new FrugalError(
        'FRUGAL_LEDGER_STORAGE',
        `ledger schema version ${current} is newer than this Frugal supports (${newest}); upgrade Frugal`,
      );
    }
    let version = current;
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      for (const statement of migration.statements(types)) await sql.run(statement);
      await sql.run('INSERT INTO ledger_migrations (version, applied_at) VALUES (?, ?)', [migration.version, Date.now()]);
      version = migration.version;
    }
    return version;
  });
}

/** Whether the database already holds a ledger (its migrations table), without creating anything. */
export async function hasLedgerTables(driver: SqlDriver): Promise<boolean> {
  const rows = driver.dialect.name === 'sqlite'
    ? await driver.all("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'ledger_migrations'")
    : await driver.all("SELECT 1 AS found WHERE to_regclass('ledger_migrations') IS NOT NULL");
  return rows.length > 0;
}
