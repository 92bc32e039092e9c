import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import { answerInput, quietContext } from './test-input.ts';
import { webhookValidator, type WebhookPayload } from './webhook.ts';

describe('webhookValidator against a local HTTP server', () => {
  const received: Array<{ path: string; headers: IncomingMessage['headers']; body: WebhookPayload }> = [];
  const routes: Record<string, (response: ServerResponse) => void> = {
    '/accept': (response) => response.writeHead(204).end(),
    '/verdict': (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"pass": false, "score": 0.2, "reason": "wrong SKU"}'),
    '/approve': (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"pass": true, "reason": "order total checks out"}'),
    '/broken': (response) => response.writeHead(503).end('upstream down'),
    // Never answers; the connection is destroyed when the tests end.
    '/slow': () => {},
  };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ path: request.url!, headers: request.headers, body: JSON.parse(body) as WebhookPayload });
      routes[request.url!]!(response);
    });
  });
  let base = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const input = answerInput('SKU A-1 × 3', 'Extract the order');

  it('POSTs the request and the answer as JSON, with the configured headers, and passes on 2xx', async () => {
    const verdict = await webhookValidator({ url: `${base}/accept`, headers: { 'x-webhook-secret': 's3cret' } }).validate(input, quietContext());
    assert.deepEqual(verdict, { pass: true, reason: 'the webhook answered HTTP 204' });
    const call = received.find((entry) => entry.path === '/accept')!;
    assert.equal(call.headers['content-type'], 'application/json');
    assert.equal(call.headers['x-webhook-secret'], 's3cret');
    assert.equal(call.body.response.text, 'SKU A-1 × 3');
    assert.equal(call.body.response.stopReason, 'end_turn');
    assert.equal(call.body.request.model, 'gpt-4o-mini');
  });

  it('takes the verdict from a JSON body', async () => {
    const verdict = await webhookValidator({ url: `${base}/verdict` }).validate(input, quietContext());
    assert.deepEqual(verdict, { pass: false, score: 0.2, reason: 'webhook: wrong SKU' });
  });

  it('keeps the reason of an approving JSON body', async () => {
    const verdict = await webhookValidator({ url: `${base}/approve` }).validate(input, quietContext());
    assert.deepEqual(verdict, { pass: true, reason: 'webhook: order total checks out' });
  });

  it('treats a non-2xx answer as the configured verdict, and never shows the headers', async () => {
    const failing = await webhookValidator({ url: `${base}/broken`, headers: { authorization: 'Bearer hidden' } }).validate(input, quietContext());
    assert.deepEqual(failing, { pass: false, reason: `webhook ${base}/broken answered HTTP 503; treated as fail` });
    const lenient = await webhookValidator({ url: `${base}/broken`, onError: 'pass' }).validate(input, quietContext());
    assert.equal(lenient.pass, true);
  });

  it('treats a timeout as the configured verdict', async () => {
    const verdict = await webhookValidator({ url: `${base}/slow`, timeoutMs: 100 }).validate(input, quietContext());
    assert.deepEqual(verdict, { pass: false, reason: `webhook ${base}/slow did not answer within 100 ms; treated as fail` });
  });

  it('treats a refused connection as the configured verdict', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const verdict = await webhookValidator({ url: `http://127.0.0.1:${port}/gone`, onError: 'pass' }).validate(input, quietContext());
    assert.equal(verdict.pass, true);
    assert.match(verdict.reason, /could not be reached/);
  });

  it('rethrows when the caller aborts (the race was lost), instead of judging', async () => {
    const controller = new AbortController();
    const pending = webhookValidator({ url: `${base}/slow` }).validate(input, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('race lost')), 20);
    await assert.rejects(pending, /race lost/);
  });

  it('accepts only absolute http(s) URLs', () => {
    for (const url of ['ftp://example.com/hook', '/relative', '']) {
      assert.throws(() => webhookValidator({ url }), (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_CONFIG');
    }
  });
});
