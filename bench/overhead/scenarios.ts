import type { LoadRequest } from '../load/exchange.ts';

export type Protocol = 'openai' | 'anthropic';

export interface Scenario {
  /** For example "OpenAI chat, streamed, 4 KB". */
  name: string;
  protocol: Protocol;
  stream: boolean;
  size: string;
  request: LoadRequest;
}

export const OPENAI_MODEL = 'gpt-4o-mini';
export const ANTHROPIC_MODEL = 'claude-haiku-4-5';

/** A streamed text token: an OpenAI content delta that is not empty, or an Anthropic text_delta. */
const FIRST_TOKEN = /"content":"[^"]|"text_delta"/;

const CLIENT_HEADERS: Record<Protocol, Record<string, string>> = {
  openai: { 'content-type': 'application/json', authorization: 'Bearer bench-client-key' },
  anthropic: { 'content-type': 'application/json', 'x-api-key': 'bench-client-key', 'anthropic-version': '2023-06-01' },
};

const PATHS: Record<Protocol, string> = { openai: '/v1/chat/completions', anthropic: '/v1/messages' };

const WORDS = (
  'the support team reviewed each customer ticket and wrote a short answer with the order number refund policy ' +
  'shipping window warranty terms account settings invoice history and the steps to reset a password or change a plan'
).split(' ');

/** Deterministic prose of exactly `length` characters, like retrieved context in a prompt. */
function prose(length: number): string {
  let text = '';
  let state = 12_345;
  while (text.length < length) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += `${WORDS[state % WORDS.length]}${state % 11 === 0 ? '. ' : ' '}`;
  }
  return text.slice(0, length);
}

const QUESTION = 'Say hello in five words.';

function body(protocol: Protocol, stream: boolean, model: string, maxTokens: number, context: string): Record<string, unknown> {
  const messages = [{ role: 'user', content: QUESTION }];
  if (protocol === 'openai') {
    return {
      model,
      messages: context === '' ? messages : [{ role: 'system', content: context }, ...messages],
      max_tokens: maxTokens,
      ...(stream ? { stream: true } : {}),
    };
  }
  return { model, ...(context === '' ? {} : { system: context }), messages, max_tokens: maxTokens, ...(stream ? { stream: true } : {}) };
}

/** A request whose JSON body is `targetBytes` long (or the bare question when that is larger). */
export function scenarioRequest(protocol: Protocol, stream: boolean, targetBytes: number, model: string, maxTokens: number): LoadRequest {
  const bare = Buffer.byteLength(JSON.stringify(body(protocol, stream, model, maxTokens, '')));
  // The context field and its key add about 40 bytes of JSON around the prose.
  const contextLength = targetBytes - bare - 40;
  const json = JSON.stringify(body(protocol, stream, model, maxTokens, contextLength > 0 ? prose(contextLength) : ''));
  return {
    path: PATHS[protocol],
    headers: CLIENT_HEADERS[protocol],
    body: Buffer.from(json),
    ...(stream ? { firstToken: FIRST_TOKEN } : {}),
  };
}

const SIZES = [
  { label: '0.1 KB', bytes: 100 },
  { label: '4 KB', bytes: 4 * 1024 },
  { label: '40 KB', bytes: 40 * 1024 },
];

/** Every protocol × streamed or not × body size, answers capped at 16 tokens. */
export function scenarios(): Scenario[] {
  const list: Scenario[] = [];
  for (const protocol of ['openai', 'anthropic'] as const) {
    for (const stream of [false, true]) {
      for (const size of SIZES) {
        const model = protocol === 'openai' ? OPENAI_MODEL : ANTHROPIC_MODEL;
        list.push({
          name: `${protocol === 'openai' ? 'OpenAI chat' : 'Anthropic messages'}, ${stream ? 'streamed' : 'non-streamed'}, ${size.label}`,
          protocol,
          stream,
          size: size.label,
          request: scenarioRequest(protocol, stream, size.bytes, model, 16),
        });
      }
    }
  }
  return list;
}
