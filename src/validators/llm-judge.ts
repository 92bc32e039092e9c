import { FrugalError } from '../errors/frugal-error.ts';
import type { CanonicalRequest } from '../protocols/canonical/request.ts';
import { attemptsCost } from './attempt-cost.ts';
import { parseJudgeScore } from './judge-score.ts';
import { lastUserText } from './prompt-text.ts';
import { visibleText } from './validation-input.ts';
import type { ValidationInput, Validator, ValidationVerdict } from './validator.ts';

export interface LlmJudgeOptions {
  name?: string;
  /** The (cheap) judge model, as the gateway knows it. */
  model: string;
  /** What a good answer is, in the operator's words. */
  rubric: string;
  /** Lowest passing score on the 1–10 scale. */
  threshold: number;
  /** Output cap of the judge call (default 256). */
  maxOutputTokens?: number;
}

const SCALE_MIN = 1;
const SCALE_MAX = 10;

const SYSTEM_PROMPT =
  'You are a strict grader. Judge the assistant answer to the user question against the rubric. ' +
  `Think briefly, then end with a final line of the form "Score: N", where N is an integer from ${SCALE_MIN} (fails the rubric) to ${SCALE_MAX} (fully meets it).`;

/** The request sent to the judge model for one answer. */
export function judgeRequest(options: LlmJudgeOptions, input: ValidationInput): CanonicalRequest {
  const toolCalls = input.toolCalls.map((call) => `${call.name}(${call.arguments})`).join('\n');
  const answer = toolCalls === '' ? input.text : `${input.text}\n[tool calls]\n${toolCalls}`;
  const prompt = `[Rubric]\n${options.rubric}\n\n[Question]\n${lastUserText(input.request)}\n\n[Answer]\n${answer}\n[End of answer]`;
  return {
    model: options.model,
    system: [{ type: 'text', text: SYSTEM_PROMPT }],
    messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
    maxOutputTokens: options.maxOutputTokens ?? 256,
    temperature: 0,
    stream: false,
  };
}

/**
 * Asks a judge model to score the answer against a rubric (1–10) and passes at or above the
 * threshold. The judge call goes through the context's `complete`, and its cost is returned
 * so the gateway records it as an attempt of the request.
 */
export function llmJudgeValidator(options: LlmJudgeOptions): Validator {
  if (typeof options.model !== 'string' || options.model === '') {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', 'llm-judge validator: model must name the judge model', { field: 'model' });
  }
  if (typeof options.rubric !== 'string' || options.rubric.trim() === '') {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', 'llm-judge validator: rubric must be a non-empty text', { field: 'rubric' });
  }
  if (!(typeof options.threshold === 'number' && options.threshold >= SCALE_MIN && options.threshold <= SCALE_MAX)) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `llm-judge validator: threshold must be a score from ${SCALE_MIN} to ${SCALE_MAX}, got ${JSON.stringify(options.threshold)}`, { field: 'threshold' });
  }
  return {
    name: options.name ?? 'llm-judge',
    kind: 'llm-judge',
    async validate(input, context): Promise<ValidationVerdict> {
      if (context.complete === undefined) {
        throw new FrugalError('FRUGAL_INVALID_CONFIG', 'llm-judge validator: the validation context has no complete function to call the judge model');
      }
      const completion = await context.complete(judgeRequest(options, input), context.signal);
      const attempts = [{ model: options.model, purpose: 'judge' as const, costPicoUsd: completion.costPicoUsd, response: completion.response }];
      const costPicoUsd = attemptsCost(attempts);
      const spent = { attempts, ...(costPicoUsd === undefined ? {} : { costPicoUsd }) };
      const reply = visibleText(completion.response.choices[0]?.content ?? []);
      const score = parseJudgeScore(reply, SCALE_MIN, SCALE_MAX);
      if (score === undefined) {
        return { pass: false, reason: `the judge's reply has no score from ${SCALE_MIN} to ${SCALE_MAX}: ${JSON.stringify(reply.slice(-160))}`, ...spent };
      }
      const pass = score >= options.threshold;
      return { pass, score: score / SCALE_MAX, reason: `the judge scored ${score}/${SCALE_MAX} (threshold ${options.threshold})`, ...spent };
    },
  };
}
