import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRequestHead } from './request-head.ts';

test('a plain POST head: method, target, lower-case names, trimmed values, length, keep-alive', () => {
  const head = parseRequestHead('POST /v1/chat/completions?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8787\r\nContent-Length: 42\r\nAuthorization:  Bearer k \t\r\nX-Empty:');
  assert.deepEqual(head, {
    method: 'POST',
    target: '/v1/chat/completions?x=1',
    headers: { host: '127.0.0.1:8787', 'content-length': '42', authorization: 'Bearer k', 'x-empty': '' },
    contentLength: 42,
    keepAlive: true,
  });
});

test('connection: close is noted; a GET without a body has length 0', () => {
  const head = parseRequestHead('GET /v1/models HTTP/1.1\r\nhost: h\r\nconnection: Close');
  assert.equal(head?.keepAlive, false);
  assert.equal(head?.contentLength, 0);
});

test('everything node:http has its own rules for is left to it', () => {
  const heads = [
    'HEAD / HTTP/1.1\r\nhost: h',
    'OPTIONS / HTTP/1.1\r\nhost: h',
    'POST / HTTP/1.0\r\nhost: h',
    'POST / HTTP/1.1',
    'POST / HTTP/1.1\r\nhost: h\r\ntransfer-encoding: chunked',
    'POST / HTTP/1.1\r\nhost: h\r\nexpect: 100-continue',
    'GET / HTTP/1.1\r\nhost: h\r\nupgrade: websocket\r\nconnection: upgrade',
    'POST / HTTP/1.1\r\nhost: h\r\nx-a: 1\r\nX-A: 2',
    'POST / HTTP/1.1\r\nhost: h\r\ncontent-length: 1\r\ncontent-length: 1',
    'POST / HTTP/1.1\r\nhost: h\r\ncontent-length: -1',
    'POST / HTTP/1.1\r\nhost: h\r\ncontent-length: 1e3',
    'POST / HTTP/1.1\r\nhost: h\r\nno-colon',
    'POST / HTTP/1.1\r\nhost: h\r\n folded: value',
    'POST / HTTP/1.1\r\nhost: h\r\nbad name: value',
    'POST / HTTP/1.1\r\nhost: h\r\nx: a\nb',
    'POST / HTTP/1.1\r\nhost: h\r\nx: a\rb',
    'POST / HTTP/1.1\r\nhost: h\r\nx: a\u0000b',
    'POST / HTTP/1.1\r\nhost: h\r\n__proto__: x',
    'POST  / HTTP/1.1\r\nhost: h',
    'POST http://h/ HTTP/1.1\r\nhost: h',
    'POST /a b HTTP/1.1\r\nhost: h',
  ];
  for (const text of heads) assert.equal(parseRequestHead(text), undefined, JSON.stringify(text));
});
