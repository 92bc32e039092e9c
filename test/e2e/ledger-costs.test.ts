import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ledgerRow, startStack, type Stack } from './support/start-stack.ts';

// Ledger rows checked bucket by bucket against costs computed by hand from the catalog's prices.
// Prices are USD per million tokens; $1/M = 1,000,000 pico-USD per token.
let stack: Stack;
before(async () => {
  stack = await startStack({
    config: ['routes:', '  support-agent:', '    provider: anthropic', '    model: claude-sonnet-4-6', '    baseline: { provider: anthropic, model: claude-opus-4-6 }'].join('\n'),
  });
});
after(() => stack.close());

const SYSTEM = 'You are the support agent of Acme Outfitters and follow the refund policy. '.repeat(100);
const POLICY = 'Policy: a refund is possible within thirty days of delivery. '.repeat(120);

async function anthropicCall(stream: boolean) {
  const request = {
    model: 'support-agent',
    max_tokens: 20,
    system: [{ type: 'text' as const, text: SYSTEM, cache_control: { type: 'ephemeral' as const } }],
    messages: [{ role: 'user' as const, content: 'Where is my order?' }],
  };
  if (!stream) {
    const { response } = await stack.anthropic().messages.create(request).withResponse();
    return { requestId: response.headers.get('x-frugal-request-id'), cost: response.headers.get('x-frugal-cost-usd') };
  }
  const streamed = stack.anthropic().messages.stream(request);
  await streamed.finalMessage();
  const { response } = await streamed.withResponse();
  return { requestId: response.headers.get('x-frugal-request-id'), cost: null };
}

test('Anthropic prompt cache: a 5-minute write on the first call, a read on the next ones (streamed too)', async () => {
  // claude-sonnet-4-6: input $3 (3,000,000 pico/token), 5-minute write $3.75 (3,750,000),
  // cache read $0.30 (300,000), output $15 (15,000,000). Baseline claude-opus-4-6: input $5, output $25.
  const first = await anthropicCall(false);
  const row = await ledgerRow(stack, first.requestId);
  assert.deepEqual(row.request.usage, { input: 6, cacheRead: 0, cacheWrite5m: 1777, cacheWrite1h: 0, output: 20, reasoning: 0 });
  assert.deepEqual(row.request.cost.lines, [
    { item: 'input', quantity: 6, unitPicoUsd: 3_000_000, amountPicoUsd: 18_000_000 }, // 6 × 3,000,000
    { item: 'cacheWrite5m', quantity: 1777, unitPicoUsd: 3_750_000, amountPicoUsd: 6_663_750_000 }, // 1,777 × 3,750,000
    { item: 'output', quantity: 20, unitPicoUsd: 15_000_000, amountPicoUsd: 300_000_000 }, // 20 × 15,000,000
  ]);
  assert.equal(row.request.cost.totalPicoUsd, 6_981_750_000); // 18,000,000 + 6,663,750,000 + 300,000,000
  assert.equal(first.cost, '0.00698175');
  assert.equal(row.request.route, 'support-agent');
  assert.equal(row.request.modelRequested, 'support-agent');
  assert.equal(row.request.modelServed, 'claude-sonnet-4-6');
  assert.equal(row.request.baselineModel, 'claude-opus-4-6');
  // Baseline: every prompt token uncached on opus: (6 + 1,777) × 5,000,000 + 20 × 25,000,000.
  assert.equal(row.request.baselineCostPicoUsd, 9_415_000_000);
  assert.equal(row.request.cost.pricingMode, 'live');
  assert.equal(row.request.cost.catalogVersion, stack.gateway.gateway.catalog.version);
  assert.deepEqual(row.attempts[0]!.cost, row.request.cost);

  const second = await anthropicCall(false);
  const read = await ledgerRow(stack, second.requestId);
  assert.deepEqual(read.request.usage, { input: 6, cacheRead: 1777, cacheWrite5m: 0, cacheWrite1h: 0, output: 20, reasoning: 0 });
  // 6 × 3,000,000 + 1,777 × 300,000 + 20 × 15,000,000 = 18,000,000 + 533,100,000 + 300,000,000
  assert.equal(read.request.cost.totalPicoUsd, 851_100_000);
  assert.equal(second.cost, '0.0008511');
  assert.equal(read.request.baselineCostPicoUsd, 9_415_000_000);

  const streamed = await ledgerRow(stack, (await anthropicCall(true)).requestId);
  assert.deepEqual(streamed.request.usage, read.request.usage, 'a stream is metered exactly like the whole answer');
  assert.equal(streamed.request.cost.totalPicoUsd, 851_100_000);
});

async function openAICall(serviceTier?: 'flex') {
  const { data, response } = await stack
    .openai()
    .chat.completions.create({
      model: 'gpt-5-mini',
      reasoning_effort: 'low',
      max_completion_tokens: 300,
      ...(serviceTier === undefined ? {} : { service_tier: serviceTier }),
      messages: [{ role: 'system', content: POLICY }, { role: 'user', content: 'Can I return shoes?' }],
    })
    .withResponse();
  return { data, row: await ledgerRow(stack, response.headers.get('x-frugal-request-id')), cost: response.headers.get('x-frugal-cost-usd') };
}

test('OpenAI: cached tokens and reasoning tokens are split out of prompt_tokens and completion_tokens', async () => {
  // gpt-5-mini: input $0.25 (250,000 pico/token), cache read $0.025 (25,000), output $2 (2,000,000);
  // reasoning has no price of its own, so it is billed at the output price.
  const cold = await openAICall();
  // prompt_tokens 1,457 (none cached); completion_tokens 300 of which 136 reasoning.
  assert.deepEqual(cold.row.request.usage, { input: 1457, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 164, reasoning: 136 });
  // 1,457 × 250,000 + 164 × 2,000,000 + 136 × 2,000,000 = 364,250,000 + 328,000,000 + 272,000,000
  assert.equal(cold.row.request.cost.totalPicoUsd, 964_250_000);
  assert.equal(cold.cost, '0.00096425');

  const warm = await openAICall();
  assert.equal(warm.data.usage!.prompt_tokens_details!.cached_tokens, 1408);
  assert.deepEqual(warm.row.request.usage, { input: 49, cacheRead: 1408, cacheWrite5m: 0, cacheWrite1h: 0, output: 164, reasoning: 136 });
  assert.deepEqual(warm.row.request.cost.lines, [
    { item: 'input', quantity: 49, unitPicoUsd: 250_000, amountPicoUsd: 12_250_000 }, // (1,457 − 1,408) × 250,000
    { item: 'cacheRead', quantity: 1408, unitPicoUsd: 25_000, amountPicoUsd: 35_200_000 }, // 1,408 × 25,000
    { item: 'output', quantity: 164, unitPicoUsd: 2_000_000, amountPicoUsd: 328_000_000 }, // (300 − 136) × 2,000,000
    { item: 'reasoning', quantity: 136, unitPicoUsd: 2_000_000, amountPicoUsd: 272_000_000 }, // 136 × 2,000,000
  ]);
  assert.equal(warm.row.request.cost.totalPicoUsd, 647_450_000);
  // Baseline: the same model with nothing cached, i.e. the cold call's cost.
  assert.equal(warm.row.request.baselineCostPicoUsd, 964_250_000);
  assert.deepEqual(warm.row.request.rawUsage, warm.data.usage);
});

test('OpenAI flex: the echoed service tier selects the flex prices', async () => {
  // gpt-5-mini flex: input $0.125 (125,000), cache read $0.0125 (12,500), output $1 (1,000,000).
  const flex = await openAICall('flex');
  assert.equal(flex.data.service_tier, 'flex');
  assert.equal(flex.row.request.cost.pricingMode, 'flex');
  // 49 × 125,000 + 1,408 × 12,500 + 164 × 1,000,000 + 136 × 1,000,000 = 6,125,000 + 17,600,000 + 164,000,000 + 136,000,000
  assert.equal(flex.row.request.cost.totalPicoUsd, 323_725_000);
  assert.equal(flex.cost, '0.000323725');
  // The baseline is always at live price, nothing cached: 964,250,000 as above.
  assert.equal(flex.row.request.baselineCostPicoUsd, 964_250_000);
});
