import type { ExchangeResult } from '../load/exchange.ts';
import type { Scenario } from './scenarios.ts';

type Json = Record<string, any>;

/** The data payloads of an SSE body, in order. */
function sseData(text: string): string[] {
  const payloads: string[] = [];
  for (const line of text.split('\n')) if (line.startsWith('data:')) payloads.push(line.slice(5).trim());
  return payloads;
}

function openaiText(body: string, stream: boolean): string {
  if (!stream) {
    const answer = JSON.parse(body) as Json;
    if (answer.object !== 'chat.completion') throw new Error(`object is ${JSON.stringify(answer.object)}, expected "chat.completion"`);
    return String(answer.choices?.[0]?.message?.content ?? '');
  }
  const payloads = sseData(body);
  if (payloads.at(-1) !== '[DONE]') throw new Error('the stream does not end with data: [DONE]');
  let text = '';
  for (const payload of payloads.slice(0, -1)) {
    const chunk = JSON.parse(payload) as Json;
    if (chunk.object !== 'chat.completion.chunk') throw new Error(`a chunk has object ${JSON.stringify(chunk.object)}`);
    text += chunk.choices?.[0]?.delta?.content ?? '';
  }
  return text;
}

function anthropicText(body: string, stream: boolean): string {
  if (!stream) {
    const answer = JSON.parse(body) as Json;
    if (answer.type !== 'message') throw new Error(`type is ${JSON.stringify(answer.type)}, expected "message"`);
    return (answer.content as Json[]).map((block) => (block.type === 'text' ? block.text : '')).join('');
  }
  const events = sseData(body).map((payload) => JSON.parse(payload) as Json);
  if (events[0]?.type !== 'message_start') throw new Error('the stream does not start with message_start');
  if (events.at(-1)?.type !== 'message_stop') throw new Error('the stream does not end with message_stop');
  return events.map((event) => (event.type === 'content_block_delta' && event.delta?.type === 'text_delta' ? event.delta.text : '')).join('');
}

/** The answer's text, or an error saying why the answer is not a valid one of its protocol. */
export function answerText(scenario: Scenario, result: ExchangeResult): string {
  if (result.status !== 200) throw new Error(`status ${result.status}: ${result.body?.toString('utf8').slice(0, 300)}`);
  const body = result.body!.toString('utf8');
  const text = scenario.protocol === 'openai' ? openaiText(body, scenario.stream) : anthropicText(body, scenario.stream);
  if (text === '') throw new Error('the answer has no text');
  return text;
}
