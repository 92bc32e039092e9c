import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { countRequestTokens } from '../../tokens/count-request.ts';
import { createClock } from '../clock.ts';
import { startEmulator, type RunningEmulator } from '../start-emulator.ts';

/**
 * The body memo (prepared requests, planned answers, answers rendered for an earlier call) must
 * never change an answer: two emulators with the same seed and clock, one keeping nothing, get
 * the same requests and must answer byte for byte alike, headers included (the date aside).
 */
let memoized: RunningEmulator;
let fresh: RunningEmulator;
const START = Date.parse('2026-03-01T00:00:00Z');

before(async () => {
  memoized = await startEmulator({ seed: 9, clock: createClock({ start: START }) });
  fresh = await startEmulator({ seed: 9, clock: createClock({ start: START }), bodyMemo: { maximumEntries: 0 } });
});
after(async () => {
  await memoized.close();
  await fresh.close();
});

interface Call {
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

const openai = { authorization: 'Bearer memo-test' };
const anthropic = { 'x-api-key': 'memo-test', 'anthropic-version': '2023-06-01' };
const gemini = { 'x-goog-api-key': 'memo-test' };
const longSystem = 'You answer questions about tides and nothing else, precisely and briefly. '.repeat(120);
const tool = { name: 'lookup', description: 'Look a word up', input_schema: { type: 'object', properties: { word: { type: 'string' } }, required: ['word'] } };

const calls: Call[] = [
  { path: '/v1/chat/completions', headers: openai, body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }], max_tokens: 16 } },
  { path: '/v1/chat/completions', headers: openai, body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }], max_tokens: 16, stream: true, stream_options: { include_usage: true } } },
  {
    path: '/v1/chat/completions',
    headers: openai,
    body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'Look up tide' }], tools: [{ type: 'function', function: { name: 'lookup', parameters: tool.input_schema } }], tool_choice: 'required' },
  },
  { path: '/v1/chat/completions', headers: openai, body: { model: 'gpt-4o', messages: [{ role: 'system', content: longSystem }, { role: 'user', content: 'Why?' }], max_tokens: 8 } },
  { path: '/v1/chat/completions', headers: openai, body: { model: 'o3', messages: [{ role: 'user', content: 'Think' }], reasoning_effort: 'low', max_completion_tokens: 400 } },
  { path: '/v1/messages', headers: anthropic, body: { model: 'claude-opus-4-8', max_tokens: 16, messages: [{ role: 'user', content: 'Hello there' }] } },
  { path: '/v1/messages', headers: anthropic, body: { model: 'claude-opus-4-8', max_tokens: 60, stream: true, messages: [{ role: 'user', content: 'Hello there' }] } },
  {
    path: '/v1/messages',
    headers: anthropic,
    body: { model: 'claude-opus-4-8', max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'Explain' }] },
  },
  {
    path: '/v1/messages',
    headers: anthropic,
    body: { model: 'claude-opus-4-8', max_tokens: 2000, stream: true, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'Explain' }] },
  },
  {
    path: '/v1/messages',
    headers: anthropic,
    body: { model: 'claude-opus-4-8', max_tokens: 500, stream: true, tools: [tool], tool_choice: { type: 'any' }, messages: [{ role: 'user', content: 'Look up tide' }] },
  },
  {
    path: '/v1/messages',
    headers: anthropic,
    body: { model: 'claude-opus-4-8', max_tokens: 16, system: [{ type: 'text', text: longSystem, cache_control: { type: 'ephemeral' } }], messages: [{ role: 'user', content: 'Why?' }] },
  },
  { path: '/v1/messages', headers: anthropic, body: { model: 'claude-opus-4-8', max_tokens: 16, messages: 'not a list' } },
  { path: '/v1beta/models/gemini-2.5-flash:generateContent', headers: gemini, body: { contents: [{ role: 'user', parts: [{ text: 'Hello there' }] }] } },
  { path: '/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse', headers: gemini, body: { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] } },
  { path: '/v1beta/models/gemini-2.0-flash:streamGenerateContent', headers: gemini, body: { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] } },
  { path: '/deepseek/v1/chat/completions', headers: openai, body: { model: 'deepseek-chat', messages: [{ role: 'system', content: longSystem }, { role: 'user', content: 'Hi' }] } },
];

async function send(emulator: RunningEmulator, call: Call) {
  const response = await fetch(`${emulator.url}${call.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...call.headers },
    body: JSON.stringify(call.body),
  });
  const headers = [...response.headers].filter(([name]) => name !== 'date');
  return { status: response.status, headers, text: await response.text() };
}

/**
 * Round 1 keeps each body, round 2 is the first hit (the answer rendered and kept), round 3
 * swaps the drawn strings of that rendering, round 4 comes a second later (rendered again).
 */
test('five rounds of the same requests: identical answers with and without the memo', async () => {
  for (let round = 0; round < 5; round++) {
    if (round === 4) {
      memoized.clock.advance(1000);
      fresh.clock.advance(1000);
    }
    for (const call of calls) {
      const [withMemo, without] = [await send(memoized, call), await send(fresh, call)];
      assert.deepEqual(withMemo, without, `round ${round}: ${call.path} ${JSON.stringify(call.body).slice(0, 80)}`);
    }
  }
  assert.equal(fresh.state.preparedRequests.size, 0);
  assert.equal(memoized.state.preparedRequests.size, calls.length);
});

test('a repeated body is billed the prompt tokens src/tokens counts for it', async () => {
  const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Count me twice, the same way.' }], max_tokens: 4 };
  const expected = countRequestTokens('openai', body, 'gpt-4o-mini').total;
  for (let round = 0; round < 2; round++) {
    const { text } = await send(memoized, { path: '/v1/chat/completions', headers: openai, body });
    assert.equal((JSON.parse(text) as { usage: { prompt_tokens: number } }).usage.prompt_tokens, expected);
  }
});
