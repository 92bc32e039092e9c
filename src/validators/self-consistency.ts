import { FrugalError } from '../errors/frugal-error.ts';
import { attemptsCost } from './attempt-cost.ts';
import { parseChoiceOptions } from './choice-extraction.ts';
import { finalAnswer, type AnswerKind } from './final-answer.ts';
import { lastUserText } from './prompt-text.ts';
import { visibleText } from './validation-input.ts';
import type { ValidationContext, ValidationInput, Validator, ValidatorAttempt, ValidationVerdict } from './validator.ts';

export interface SelfConsistencyOptions {
  name?: string;
  answer: AnswerKind;
  /** Share of all answers (this one and the samples) that must agree with this answer, in (0, 1]. */
  threshold: number;
  /** Fewest answers to vote over, this one included (default 2). */
  minAnswers?: number;
  /** Models asked the same request for further samples (two cheap models agreeing); their cost is returned. */
  sampleModels?: string[];
}

async function sampleAnswers(models: string[], input: ValidationInput, context: ValidationContext): Promise<ValidatorAttempt[]> {
  const complete = context.complete;
  if (complete === undefined) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', 'self-consistency validator: sampleModels is set but the validation context has no complete function');
  }
  return Promise.all(
    models.map(async (model) => {
      const completion = await complete({ ...input.request, model, stream: false, candidateCount: 1 }, context.signal);
      return { model, purpose: 'sample' as const, costPicoUsd: completion.costPicoUsd, response: completion.response };
    }),
  );
}

/**
 * Passes when enough answers to the same request agree with this one: the share of answers whose
 * final answer (option letter, number or normalised text) equals this answer's is at least the
 * threshold. Answers with no readable final answer count against agreement.
 */
export function selfConsistencyValidator(options: SelfConsistencyOptions): Validator {
  const { threshold, answer } = options;
  const minAnswers = options.minAnswers ?? 2;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `self-consistency validator: threshold must be in (0, 1], got ${JSON.stringify(threshold)}`, { field: 'threshold' });
  }
  if (!(Number.isSafeInteger(minAnswers) && minAnswers >= 2)) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `self-consistency validator: minAnswers must be a whole number ≥ 2, got ${JSON.stringify(minAnswers)}`, { field: 'minAnswers' });
  }
  const sampleModels = options.sampleModels ?? [];
  return {
    name: options.name ?? 'self-consistency',
    kind: 'self-consistency',
    async validate(input, context): Promise<ValidationVerdict> {
      const attempts = sampleModels.length > 0 ? await sampleAnswers(sampleModels, input, context) : [];
      const texts = [input.text, ...(input.samples ?? []), ...attempts.map((attempt) => visibleText(attempt.response.choices[0]?.content ?? []))];
      const costPicoUsd = attemptsCost(attempts);
      const spent = { ...(attempts.length > 0 ? { attempts } : {}), ...(costPicoUsd === undefined ? {} : { costPicoUsd }) };
      if (texts.length < minAnswers) {
        return { pass: false, reason: `self-consistency needs at least ${minAnswers} answers, got ${texts.length}`, ...spent };
      }
      const choiceOptions = answer === 'choice' ? parseChoiceOptions(lastUserText(input.request)) : [];
      const answers = texts.map((text) => finalAnswer(text, answer, choiceOptions));
      const own = answers[0];
      if (own === undefined) return { pass: false, score: 0, reason: `no ${answer} answer could be read from the response`, ...spent };
      const votes = new Map<string, number>();
      for (const value of answers) if (value !== undefined) votes.set(value, (votes.get(value) ?? 0) + 1);
      const agreeing = votes.get(own)!;
      const share = agreeing / answers.length;
      const tally = [...votes].map(([value, count]) => `${value}×${count}`).join(', ');
      const verdict = `${agreeing} of ${answers.length} answers agree with ${own} (${tally}; threshold ${threshold})`;
      return { pass: share >= threshold, score: share, reason: verdict, ...spent };
    },
  };
}
