import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { renderErrorDocs } from './render-error-docs.ts';
import { ERROR_CODES } from './codes.ts';
import { FrugalError } from './frugal-error.ts';

test('docs/errors.md lists every error code as the code defines it (run scripts/render-error-docs.ts)', async () => {
  const written = await readFile(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  assert.equal(written, renderErrorDocs());
});

test('a FrugalError carries its code, the code\'s status and its details, and is recognised across realms', () => {
  const error = new FrugalError('FRUGAL_UNKNOWN_MODEL', 'model "gpt-9" is not in the catalog', { suggestions: ['gpt-5'] });
  assert.equal(error.status, ERROR_CODES.FRUGAL_UNKNOWN_MODEL.status);
  assert.deepEqual(error.details, { suggestions: ['gpt-5'] });
  assert.ok(FrugalError.isInstance(error));
  assert.ok(!FrugalError.isInstance(new Error('plain')));
  assert.ok(!FrugalError.isInstance(null));
});
