import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ledgerLocation } from './open-ledger-store.ts';
import { withoutPassword } from './postgres-store/open-postgres-store.ts';

test('a ledger location is a PostgreSQL URL or else a SQLite path', () => {
  assert.deepEqual(ledgerLocation('postgres://db/ledger'), { backend: 'postgres', url: 'postgres://db/ledger' });
  assert.deepEqual(ledgerLocation('postgresql://db/ledger'), { backend: 'postgres', url: 'postgresql://db/ledger' });
  assert.deepEqual(ledgerLocation('data/ledger.sqlite'), { backend: 'sqlite', path: 'data/ledger.sqlite' });
  assert.throws(() => ledgerLocation(' '), /ledger location is empty/);
});

test('a PostgreSQL URL is shown without its password', () => {
  assert.equal(withoutPassword('postgres://frugal:s3cret@db:5432/ledger'), 'postgres://frugal:***@db:5432/ledger');
  assert.equal(withoutPassword('postgres://db/ledger'), 'postgres://db/ledger');
  assert.equal(withoutPassword('not a url s3cret'), '(an unparseable PostgreSQL URL)');
});
