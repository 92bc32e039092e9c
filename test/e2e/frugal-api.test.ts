import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ledgerRow, startStack, type Stack } from './support/start-stack.ts';

// Attribution, outcomes and the read API: what a team uses to see where the money goes.
let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack.close());

function api(path: string, init?: RequestInit) {
  return fetch(`${stack.gateway.url}${path}`, init);
}

function feedback(body: unknown) {
  return api('/v1/frugal/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

test('attribution comes from the x-frugal-* headers and the protocols\' own user fields', async () => {
  const headers = {
    'x-frugal-feature': 'support-chat',
    'x-frugal-customer': 'acme',
    'x-frugal-task': 'ticket-42',
    'x-frugal-session': 'session-7',
    'x-frugal-property-plan': 'enterprise',
    'x-frugal-property-region': 'eu',
  };
  const { response } = await stack
    .openai({ headers })
    .chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, user: 'user-from-body', messages: [{ role: 'user', content: 'hi' }] })
    .withResponse();
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.deepEqual(row.request.attribution, {
    feature: 'support-chat',
    user: 'user-from-body',
    customer: 'acme',
    task: 'ticket-42',
    session: 'session-7',
    properties: { plan: 'enterprise', region: 'eu' },
  });

  const anthropic = await stack
    .anthropic()
    .messages.create({ model: 'claude-sonnet-4-6', max_tokens: 5, metadata: { user_id: 'anthropic-user' }, messages: [{ role: 'user', content: 'hi' }] })
    .withResponse();
  assert.equal((await ledgerRow(stack, anthropic.response.headers.get('x-frugal-request-id'))).request.attribution.user, 'anthropic-user');

  const header = await stack
    .openai({ headers: { 'x-frugal-user': 'header-user' } })
    .chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, user: 'body-user', messages: [{ role: 'user', content: 'hi' }] })
    .withResponse();
  assert.equal((await ledgerRow(stack, header.response.headers.get('x-frugal-request-id'))).request.attribution.user, 'header-user', 'the header wins');
});

test('feedback on a task gives its outcome and cost per successful task', async () => {
  const client = stack.openai({ headers: { 'x-frugal-task': 'refund-9', 'x-frugal-feature': 'refunds' } });
  let spent = 0;
  for (const question of ['Can I get a refund?', 'It arrived broken.', 'Thanks!']) {
    const { response } = await client.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: question }] }).withResponse();
    spent += (await ledgerRow(stack, response.headers.get('x-frugal-request-id'))).request.cost.totalPicoUsd;
  }
  const before = (await (await api('/v1/frugal/tasks/refund-9')).json()) as { outcome: unknown; costPerSuccessfulTaskPicoUsd: unknown };
  assert.equal(before.outcome, null);
  assert.equal(before.costPerSuccessfulTaskPicoUsd, null);

  const answer = await feedback({ taskId: 'refund-9', success: true, score: 0.9, note: 'customer happy' });
  assert.equal(answer.status, 200);
  assert.deepEqual(await answer.json(), { recorded: true, appliedTo: 3 });

  const task = (await (await api('/v1/frugal/tasks/refund-9')).json()) as Record<string, unknown> & { requests: { request: { id: string } }[]; outcome: Record<string, unknown> };
  assert.equal(task.requests.length, 3);
  assert.equal(task['costPicoUsd'], String(spent), 'money sums travel as exact decimal strings');
  assert.equal(task['costPerSuccessfulTaskPicoUsd'], String(spent));
  assert.equal(task.outcome['success'], true);
  assert.equal(task.outcome['score'], 0.9);

  const one = await feedback({ requestId: task.requests[0]!.request.id, success: false });
  assert.deepEqual(await one.json(), { recorded: true, appliedTo: 1 });
});

test('feedback and task lookups are checked, with the field named', async () => {
  for (const [body, field] of [
    [{ success: true }, /requestId|taskId/],
    [{ taskId: 't', requestId: 'r', success: true }, /exactly one/],
    [{ taskId: 't', success: 'yes' }, /success must be true or false/],
    [{ taskId: 't', success: true, score: 'high' }, /score must be a finite number/],
  ] as const) {
    const response = await feedback(body);
    assert.equal(response.status, 400);
    const error = ((await response.json()) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'FRUGAL_INVALID_REQUEST');
    assert.match(error.message, field);
  }
  const missing = await api('/v1/frugal/tasks/no-such-task');
  assert.equal(missing.status, 404);
});

test('usage groups spend, tokens, requests and successes; bad parameters are named', async () => {
  const byFeature = (await (await api('/v1/frugal/usage?groupBy=feature')).json()) as { groupBy: string; rows: { key: string | null; requests: number; successes: number; costPicoUsd: string; tokens: { input: number } }[] };
  assert.equal(byFeature.groupBy, 'feature');
  const refunds = byFeature.rows.find((row) => row.key === 'refunds');
  assert.equal(refunds?.requests, 3);
  assert.ok(refunds.tokens.input > 0);
  assert.ok(BigInt(refunds.costPicoUsd) > 0n);
  const today = new Date().toISOString().slice(0, 10);
  const byDay = (await (await api(`/v1/frugal/usage?groupBy=day&from=${today}&to=${today}`)).json()) as { rows: { key: string }[] };
  assert.deepEqual(byDay.rows.map((row) => row.key), [today]);
  for (const query of ['groupBy=colour', 'groupBy=model&from=yesterday']) {
    const response = await api(`/v1/frugal/usage?${query}`);
    assert.equal(response.status, 400, query);
  }
});

test('metrics: requests, errors, tokens per bucket, cost and latency by provider, model and route', async () => {
  await stack.openai().chat.completions.create({ model: 'gpt-4o-mnii', messages: [{ role: 'user', content: 'x' }] }).catch(() => undefined);
  const response = await api('/metrics');
  assert.match(response.headers.get('content-type') ?? '', /text\/plain; version=0\.0\.4/);
  const text = await response.text();
  assert.match(text, /frugal_requests_total\{protocol="openai-chat",provider="openai",model="gpt-4o-mini",route="",status="200"\} \d+/);
  assert.match(text, /frugal_request_errors_total\{provider="none",model="unresolved",route="",error_class="unknown_model"\} 1/);
  assert.match(text, /frugal_tokens_total\{provider="anthropic",model="claude-sonnet-4-6",route="",bucket="output"\} 5/);
  assert.match(text, /frugal_cost_usd_total\{provider="openai",model="gpt-4o-mini",route=""\} 0\.\d+/);
  assert.match(text, /frugal_request_duration_seconds_bucket\{provider="openai",model="gpt-4o-mini",route="",le="\+Inf"\} \d+/);
  assert.match(text, /frugal_upstream_attempts_total\{provider="openai",model="gpt-4o-mini",status="200",error_class=""\} \d+/);
  assert.match(text, /frugal_ledger_queued \d+/);
});

test('health probes: /healthz when up, /readyz when storage and configuration are ready', async () => {
  assert.deepEqual(await (await api('/healthz')).json(), { status: 'ok' });
  const ready = await api('/readyz');
  assert.equal(ready.status, 200);
  assert.equal(((await ready.json()) as { storage: string }).storage, 'sqlite');
});
