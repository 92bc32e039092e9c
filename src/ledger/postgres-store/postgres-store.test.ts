/**
 * Runs the shared store cases on a throwaway PostgreSQL server (test/support/postgres.ts).
 * Without PostgreSQL binaries the cases are skipped with the reason shown, except in CI
 * (process.env.CI set), where that is a failure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from 'pg';
import { findPostgres, startPostgres, type PostgresServer } from '../../../test/support/postgres.ts';
import { attemptFor, costAt, sampleRequest, usageOf } from '../sample-records.ts';
import { isMissingLedger } from '../open-ledger-store.ts';
import { failingDriver } from '../sql/failing-driver.ts';
import { arrayType } from '../sql/schema.ts';
import { SqlLedgerStore } from '../sql/sql-store.ts';
import { runLedgerStoreCases } from '../store.case.test.ts';
import { openPostgresStore } from './open-postgres-store.ts';
import { PostgresDriver } from './postgres-driver.ts';

const availability = await findPostgres();

if (!availability.available) {
  if (process.env.CI) {
    test('PostgreSQL ledger store', () => assert.fail(`CI must run the PostgreSQL cases: ${availability.reason}`));
  } else {
    test('PostgreSQL ledger store', { skip: availability.reason }, () => undefined);
  }
} else {
  const binaryFolder = availability.binaryFolder;
  describe('PostgreSQL ledger store', () => {
    let server: PostgresServer;
    let databases = 0;
    const freshDatabase = async (): Promise<string> => {
      databases += 1;
      return server.createDatabase(`ledger_case_${databases}`);
    };

    before(async () => {
      server = await startPostgres(binaryFolder);
    });
    after(async () => {
      await server?.stop();
    });

    runLedgerStoreCases('postgres', async (fault) => {
      const driver = new PostgresDriver({ url: await freshDatabase() });
      return SqlLedgerStore.open(fault === undefined ? driver : failingDriver(driver, fault));
    });

    test('two replicas writing the same rollup keys while task outcomes arrive stay consistent', async () => {
      const url = await freshDatabase();
      const [first, second] = await Promise.all([openPostgresStore({ url }), openPostgresStore({ url })]);
      // 20 batches of 10 requests, each request 100 input tokens at 150,000 pico-USD = 15,000,000.
      const batch = (replica: string, number: number) =>
        Array.from({ length: 10 }, (_, index) => {
          const usage = usageOf({ input: 100 });
          const request = sampleRequest({
            id: `${replica}-${number}-${index}`, usage, cost: costAt(usage, { input: 150_000 }),
            attribution: { feature: 'load', task: `task-${index}` },
          });
          return { request, attempts: [attemptFor(request)] };
        });
      await Promise.all([
        ...Array.from({ length: 10 }, (_, number) => first.writeBatch(batch('a', number))),
        ...Array.from({ length: 10 }, (_, number) => second.writeBatch(batch('b', number))),
        ...Array.from({ length: 5 }, (_, index) =>
          first.recordOutcome({ taskId: `task-${index}`, success: false, source: 'feedback', recordedAt: 0 })),
      ]);
      const [row] = await second.usage({ groupBy: 'feature' });
      // 200 requests × 15,000,000 = 3,000,000,000; tasks 0-4 failed: 5 of every 10 requests
      assert.deepEqual([row?.requests, row?.costPicoUsd, row?.successes, row?.failures], [200, 3_000_000_000n, 100, 100]);
      const summary = await first.taskSummary({});
      assert.deepEqual([summary.tasks, summary.failed, summary.withoutOutcome], [10, 5, 5]);
      await Promise.all([first.close(), second.close()]);
    });

    test('the column types cast in batch inserts match the live schema', async () => {
      const url = await freshDatabase();
      await (await openPostgresStore({ url })).close();
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name LIKE 'ledger\\_%' AND table_name <> 'ledger_migrations'",
      );
      await client.end();
      assert.ok(rows.length > 90);
      for (const { column_name: column, data_type: type } of rows) assert.equal(arrayType(column), type, column);
    });

    test('a reader (create: false) is refused on a database without ledger tables, and creates none', async () => {
      const url = await freshDatabase();
      await assert.rejects(openPostgresStore({ url, create: false }), (error: unknown) =>
        isMissingLedger(error) && (error as Error).message === `no ledger at ${url}: it has no ledger tables`);
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query("SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_name LIKE 'ledger\\_%'");
      await client.end();
      assert.equal(rows[0].tables, 0);
      await (await openPostgresStore({ url })).close();
      await (await openPostgresStore({ url, create: false })).close();
    });

    test('an unreachable server is reported as a storage error without the password', async () => {
      await assert.rejects(
        openPostgresStore({ url: 'postgres://frugal:s3cret@127.0.0.1:1/ledger' }),
        (error: unknown) =>
          error instanceof Error && (error as { code?: string }).code === 'FRUGAL_LEDGER_STORAGE' && !error.message.includes('s3cret'),
      );
    });
  });
}
