import type { CatalogEntry } from '../../catalog/types.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { countTextTokens } from '../../tokens/count-text.ts';
import type { RequestProtocol } from '../../tokens/types.ts';
import type { UsageBuckets } from '../../usage/buckets.ts';
import type { EmulatedAnswer } from '../answers/emulated-answer.ts';
import { planAnswer } from '../answers/plan-answer.ts';
import type { ReasoningDefault } from '../answers/reasoning-tokens.ts';
import { answerTiming, modelClass, type AnswerTiming } from '../latency-model.ts';
import { PrefixHasher } from '../prefix-hash.ts';
import { seededRandom } from '../seeded-random.ts';
import type { EmulatorState } from './emulator-state.ts';
import { measurePrompt, type CacheBehaviour } from './measure-prompt.ts';

export interface ChatCall {
  request: CanonicalRequest;
  /** The wire body as received: counted with the provider's own token rules. */
  body: unknown;
  protocol: RequestProtocol;
  entry: CatalogEntry;
  apiKey: string;
  cache: CacheBehaviour;
  reasoningDefault: ReasoningDefault;
  thinkingShownByDefault: boolean;
  /** Makes a provider-style tool-call id. */
  toolCallId: () => string;
}

export interface ChatOutcome {
  answer: EmulatedAnswer;
  buckets: UsageBuckets;
  promptTokens: number;
  timing: AnswerTiming;
}

function lastUserText(request: CanonicalRequest): string | undefined {
  for (let index = request.messages.length - 1; index >= 0; index--) {
    const message = request.messages[index];
    if (message?.role !== 'user') continue;
    let text = '';
    for (const part of message.content) if (part.type === 'text') text += part.text;
    return text;
  }
  return undefined;
}

/**
 * The protocol-neutral heart of a chat call: count the prompt, run the prompt cache, plan the
 * answer (replayed or generated), and compute the exclusive usage buckets and timing.
 */
export function runChat(state: EmulatorState, call: ChatCall): ChatOutcome {
  const { request, entry } = call;
  const model = request.model;
  const prompt = measurePrompt(state.promptCaches, call.protocol, call.body, model, call.apiKey, call.cache, state.clock.now());
  const kind = modelClass(model, entry.kind, entry.capabilities.reasoning);
  const seed = new PrefixHasher(state.seed).update(model).update(String(prompt.digest)).digest() >>> 0;
  const userText = state.replay === undefined ? undefined : lastUserText(request);
  const replay = userText === undefined ? undefined : state.replay?.lookup(userText, model);
  const answer = planAnswer(request, {
    model,
    modelClass: kind,
    reasoningModel: entry.capabilities.reasoning,
    reasoningDefault: call.reasoningDefault,
    thinkingShownByDefault: call.thinkingShownByDefault,
    defaultMaxOutputTokens: entry.maxOutputTokens ?? 4096,
    seed,
    lengths: state.lengths,
    countText: (text) => countTextTokens(text, model),
    toolCallId: call.toolCallId,
    ...(replay === undefined ? {} : { replay }),
  });
  let output = 0;
  let reasoning = 0;
  for (const choice of answer.choices) {
    output += choice.outputTokens;
    reasoning += choice.reasoningTokens;
  }
  const buckets: UsageBuckets = {
    input: prompt.input,
    cacheRead: prompt.cacheRead,
    cacheWrite5m: prompt.cacheWrite5m,
    cacheWrite1h: prompt.cacheWrite1h,
    output,
    reasoning,
  };
  const timing = answerTiming(state.latency, model, kind, reasoning, seededRandom(seed ^ 0x9e3779b9));
  return { answer, buckets, promptTokens: prompt.promptTokens, timing };
}
