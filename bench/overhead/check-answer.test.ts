import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExchangeResult } from '../load/exchange.ts';
import { answerText } from './check-answer.ts';
import { scenarios } from './scenarios.ts';

const scenario = (name: string) => scenarios().find((candidate) => candidate.name === name)!;

function answer(body: string, status = 200): ExchangeResult {
  return { status, startedAt: 0, headersMilliseconds: 0, headers: {}, firstTokenMilliseconds: 0, totalMilliseconds: 0, body: Buffer.from(body) };
}

const chunk = (delta: object) => `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta }] })}\n\n`;

test('an OpenAI stream yields its text when it ends with [DONE]', () => {
  const body = chunk({ role: 'assistant', content: '' }) + chunk({ content: 'Hello' }) + chunk({ content: ' there' }) + 'data: [DONE]\n\n';
  assert.equal(answerText(scenario('OpenAI chat, streamed, 0.1 KB'), answer(body)), 'Hello there');
});

test('an OpenAI stream cut before [DONE] is not a valid answer', () => {
  const body = chunk({ content: 'Hello' });
  assert.throws(() => answerText(scenario('OpenAI chat, streamed, 0.1 KB'), answer(body)), /\[DONE\]/);
});

test('an Anthropic stream must run from message_start to message_stop', () => {
  const event = (type: string, extra: object = {}) => `event: ${type}\ndata: ${JSON.stringify({ type, ...extra })}\n\n`;
  const complete = event('message_start') + event('content_block_delta', { delta: { type: 'text_delta', text: 'Hi' } }) + event('message_stop');
  assert.equal(answerText(scenario('Anthropic messages, streamed, 0.1 KB'), answer(complete)), 'Hi');
  const cut = event('message_start') + event('content_block_delta', { delta: { type: 'text_delta', text: 'Hi' } });
  assert.throws(() => answerText(scenario('Anthropic messages, streamed, 0.1 KB'), answer(cut)), /message_stop/);
});

test('an error status is reported with the body, not counted as an answer', () => {
  assert.throws(() => answerText(scenario('OpenAI chat, non-streamed, 0.1 KB'), answer('{"error":{"message":"boom"}}', 502)), /status 502: .*boom/);
});

test('a non-streamed answer without text is not valid', () => {
  const body = JSON.stringify({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: '' } }] });
  assert.throws(() => answerText(scenario('OpenAI chat, non-streamed, 0.1 KB'), answer(body)), /no text/);
});
