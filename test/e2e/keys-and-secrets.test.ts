import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { ledgerRow, startGatewayOnly } from './support/start-stack.ts';
import { chatCompletion, startRecordingUpstream } from './support/recording-upstream.ts';

const OPERATOR_KEY = 'sk-operator-secret-000111222';
const CLIENT_KEY = 'sk-client-secret-333444555';
const GATEWAY_KEY = 'frugal-gateway-secret-666777';

const upstream = await startRecordingUpstream((request) => {
  if (request.headers.authorization === 'Bearer sk-rejected-key-888999000') {
    // Providers echo (part of) a rejected key in their message.
    return { status: 401, body: JSON.stringify({ error: { message: 'Incorrect API key provided: sk-rejected-key-888999000. Also sk-proj-abc***xyz.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }) };
  }
  return { status: 200, body: chatCompletion('gpt-4o-mini') };
});
after(() => upstream.close());

const provider = (allowClientKeys: boolean) =>
  ['providers:', '  openai:', `    baseUrl: ${upstream.url}/v1`, '    apiKeyEnv: OPENAI_API_KEY', `    allowClientKeys: ${allowClientKeys}`].join('\n');

function lastAuthorization(): string | undefined {
  return upstream.requests.at(-1)?.headers.authorization;
}

test('the operator key goes upstream; a client key is ignored unless the provider allows client keys', async () => {
  const gateway = await startGatewayOnly(provider(false), { OPENAI_API_KEY: OPERATOR_KEY });
  try {
    await gateway.openai(CLIENT_KEY).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(lastAuthorization(), `Bearer ${OPERATOR_KEY}`);
  } finally {
    await gateway.close();
  }
});

test('bring your own key: with allowClientKeys the client key goes upstream instead', async () => {
  const gateway = await startGatewayOnly(provider(true), { OPENAI_API_KEY: OPERATOR_KEY });
  try {
    await gateway.openai(CLIENT_KEY).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(lastAuthorization(), `Bearer ${CLIENT_KEY}`);
  } finally {
    await gateway.close();
  }
});

test('a gateway key guards every endpoint but the health probes; a client key then travels in x-frugal-provider-key', async () => {
  const gateway = await startGatewayOnly(provider(true), { OPENAI_API_KEY: OPERATOR_KEY, FRUGAL_GATEWAY_KEY: GATEWAY_KEY });
  try {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    await assert.rejects(gateway.openai(CLIENT_KEY).chat.completions.create({ model: 'gpt-4o-mini', messages }), OpenAI.AuthenticationError);
    await assert.rejects(
      gateway.anthropic('wrong').messages.create({ model: 'gpt-4o-mini', max_tokens: 5, messages }),
      Anthropic.AuthenticationError,
    );
    await gateway.openai(GATEWAY_KEY).chat.completions.create({ model: 'gpt-4o-mini', messages });
    assert.equal(lastAuthorization(), `Bearer ${OPERATOR_KEY}`, 'the gateway key never goes upstream');
    await gateway.openai(GATEWAY_KEY, { 'x-frugal-provider-key': CLIENT_KEY }).chat.completions.create({ model: 'gpt-4o-mini', messages });
    assert.equal(lastAuthorization(), `Bearer ${CLIENT_KEY}`);

    const url = gateway.gateway.url;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    for (const path of ['/metrics', '/v1/frugal/usage', '/v1/models']) {
      assert.equal((await fetch(`${url}${path}`)).status, 401, path);
      assert.equal((await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${GATEWAY_KEY}` } })).status, 200, path);
    }
    // Refused requests are counted in the metrics but never stored: strangers cannot fill the ledger.
    const usage = (await (await fetch(`${url}/v1/frugal/usage?groupBy=model`, { headers: { 'x-api-key': GATEWAY_KEY } })).json()) as { rows: { requests: number }[] };
    assert.equal(usage.rows.reduce((sum, row) => sum + row.requests, 0), 2);
  } finally {
    await gateway.close();
  }
});

test('without any key for the provider the client is told which variable to set, never a key', async () => {
  const gateway = await startGatewayOnly(provider(false), {});
  try {
    const error = await gateway.openai(CLIENT_KEY).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    assert.ok(error instanceof OpenAI.AuthenticationError);
    assert.match(error.message, /set OPENAI_API_KEY/);
  } finally {
    await gateway.close();
  }
});

test('keys never reach error messages, the ledger or the log', async () => {
  const gateway = await startGatewayOnly(provider(true), { OPENAI_API_KEY: OPERATOR_KEY });
  try {
    const error = await gateway
      .openai('sk-rejected-key-888999000')
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof OpenAI.AuthenticationError);
    assert.doesNotMatch(error.message, /sk-rejected|sk-proj/);
    assert.match(error.message, /Incorrect API key provided: \[redacted\]/);
    const { data, response } = await gateway.openai(CLIENT_KEY).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    assert.ok(data.id);
    const stored = JSON.stringify([
      await ledgerRow(gateway, response.headers.get('x-frugal-request-id')),
      await ledgerRow(gateway, error.headers.get('x-frugal-request-id')),
    ]);
    for (const secret of [OPERATOR_KEY, CLIENT_KEY, 'sk-rejected-key-888999000']) {
      assert.ok(!stored.includes(secret), 'no key in the ledger');
      assert.ok(!gateway.logs.join('\n').includes(secret), 'no key in the log');
    }
    const metrics = await (await fetch(`${gateway.gateway.url}/metrics`)).text();
    assert.ok(!metrics.includes(CLIENT_KEY) && !metrics.includes(OPERATOR_KEY));
  } finally {
    await gateway.close();
  }
});

test('upstream URLs come from the configuration only: a client cannot redirect a call', async () => {
  const gateway = await startGatewayOnly(provider(false), { OPENAI_API_KEY: OPERATOR_KEY });
  try {
    const before = upstream.requests.length;
    const error = await gateway
      .openai(CLIENT_KEY, { host: 'evil.example', 'x-forwarded-host': 'evil.example' })
      .chat.completions.create({ model: 'http://evil.example/v1/x', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    assert.ok(error instanceof OpenAI.NotFoundError, 'a URL is no model name');
    await gateway.openai(CLIENT_KEY, { 'x-forwarded-host': 'evil.example' }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(upstream.requests.length, before + 1, 'the call went to the configured upstream');
  } finally {
    await gateway.close();
  }
});
