import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { FrugalError } from '../../errors/frugal-error.ts';
import { readBody } from './read-body.ts';

function request(chunks: string[], headers: Record<string, string> = {}): IncomingMessage {
  const stream = new PassThrough();
  Object.assign(stream, { headers });
  queueMicrotask(() => {
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
  return stream as unknown as IncomingMessage;
}

test('a body within the limit is read whole, across chunks', async () => {
  const body = await readBody(request(['{"model":', '"gpt-4o"}']), 1024);
  assert.equal(body.toString(), '{"model":"gpt-4o"}');
});

test('a declared Content-Length over the limit is refused with 413 without reading', async () => {
  await assert.rejects(readBody(request(['x'], { 'content-length': '5000' }), 1024), (error: unknown) => {
    assert.ok(FrugalError.isInstance(error));
    assert.equal(error.code, 'FRUGAL_REQUEST_TOO_LARGE');
    assert.equal(error.status, 413);
    assert.match(error.message, /1024 bytes \(server\.bodyLimitBytes\)/);
    return true;
  });
});

test('a chunked body is refused as soon as it passes the limit', async () => {
  await assert.rejects(readBody(request(['a'.repeat(600), 'b'.repeat(600)]), 1024), { code: 'FRUGAL_REQUEST_TOO_LARGE' });
});
