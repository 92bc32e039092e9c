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
import { layOutPrompt, measurePrompt, type CacheBehaviour, type PromptLayout } from './measure-prompt.ts';

export interface ChatCall {
  request: CanonicalRequest;
  /** The wire body as received: counted with the provider's own token rules. */
  body: unknown;
  protocol: RequestProtocol;
  entry: CatalogEntry;
  cache: CacheBehaviour;
  reasoningDefault: ReasoningDefault;
  thinkingShownByDefault: boolean;
  /** Makes a provider-style tool-call id. */
  toolCallId: () => string;
}

/**
 * Everything about a chat call that follows from the request alone, so it can be kept for a body
 * sent again: the counted prompt, the planned answer (tool-call ids are drawn per call), timing.
 */
export interface ChatPlan {
  call: ChatCall;
  prompt: PromptLayout;
  answer: EmulatedAnswer;
  outputTokens: number;
  reasoningTokens: number;
  timing: AnswerTiming;
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

/** Planned answers carry no tool-call ids: each call draws its own. */
const NO_ID = () => '';

/**
 * The request-only half of a chat call: count the prompt and plan the answer (replayed or
 * generated), deterministic in (seed, model, prompt).
 */
export function planChat(state: EmulatorState, call: ChatCall): ChatPlan {
  const { request, entry } = call;
  const model = request.model;
  const prompt = layOutPrompt(call.protocol, call.body, model, call.cache);
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
    toolCallId: NO_ID,
    ...(replay === undefined ? {} : { replay }),
  });
  let outputTokens = 0;
  let reasoningTokens = 0;
  for (const choice of answer.choices) {
    outputTokens += choice.outputTokens;
    reasoningTokens += choice.reasoningTokens;
  }
  const timing = answerTiming(state.latency, model, kind, reasoningTokens, seededRandom(seed ^ 0x9e3779b9));
  return { call, prompt, answer, outputTokens, reasoningTokens, timing };
}

/** The planned answer with fresh tool-call ids (the plan itself is shared between calls). */
function withFreshIds(answer: EmulatedAnswer, toolCallId: () => string): EmulatedAnswer {
  if (answer.choices.every((choice) => choice.toolCalls.length === 0)) return answer;
  const choices = answer.choices.map((choice) => ({ ...choice, toolCalls: choice.toolCalls.map((call) => ({ ...call, id: toolCallId() })) }));
  return answer.replay === undefined ? { choices } : { choices, replay: answer.replay };
}

/**
 * The per-call half: run the prompt through this key's prompt cache, now, and compute the
 * exclusive usage buckets.
 */
export function runChat(state: EmulatorState, plan: ChatPlan, apiKey: string): ChatOutcome {
  const { call, prompt } = plan;
  const measure = measurePrompt(state.promptCaches, prompt, call.request.model, apiKey, call.cache, state.clock.now());
  const buckets: UsageBuckets = {
    input: measure.input,
    cacheRead: measure.cacheRead,
    cacheWrite5m: measure.cacheWrite5m,
    cacheWrite1h: measure.cacheWrite1h,
    output: plan.outputTokens,
    reasoning: plan.reasoningTokens,
  };
  return { answer: withFreshIds(plan.answer, call.toolCallId), buckets, promptTokens: prompt.promptTokens, timing: plan.timing };
}
