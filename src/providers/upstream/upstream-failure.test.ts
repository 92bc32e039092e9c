import { test } from 'node:test';
import assert from 'node:assert/strict';
import { upstreamFailure } from './upstream-failure.ts';

const TIMEOUTS = { connectMs: 100, firstByteMs: 200, idleStreamMs: 300 };

test('each transport failure has its error class, status and a message naming the setting, never the URL', () => {
  const cases = [
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'upstream_connect_timeout', 504, /100 ms \(server\.timeouts\.connectMs\)/],
    [{ code: 'UND_ERR_HEADERS_TIMEOUT' }, 'upstream_first_byte_timeout', 504, /200 ms \(server\.timeouts\.firstByteMs\)/],
    [{ code: 'UND_ERR_BODY_TIMEOUT' }, 'upstream_idle_timeout', 504, /300 ms \(server\.timeouts\.idleStreamMs\)/],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.1.2.3:8000' }, 'upstream_unreachable', 502, /could not be reached \(ECONNREFUSED\)/],
    [{ code: 'UND_ERR_SOCKET', message: 'other side closed' }, 'upstream_connection_lost', 502, /failed \(UND_ERR_SOCKET\)/],
    [{ name: 'AbortError' }, 'client_disconnected', 502, /client disconnected/],
  ] as const;
  for (const [error, errorClass, status, message] of cases) {
    const failure = upstreamFailure(Object.assign(new Error(('message' in error ? error.message : undefined) ?? 'x'), error), 'vllm', TIMEOUTS);
    assert.equal(failure.details?.['errorClass'], errorClass);
    assert.equal(failure.status, status);
    assert.match(failure.message, message);
    assert.match(failure.message, /provider "vllm"|client/);
    assert.doesNotMatch(failure.message, /10\.1\.2\.3/);
  }
});
