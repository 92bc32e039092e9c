import type { OutcomeTable } from '../data/outcome-table.ts';
import { extractAnswer } from '../features/answer-extraction.ts';
import { routingMessage } from '../features/focus-text.ts';
import { answerKind, choiceLetters, handFeatures, type AnswerKind } from '../features/hand-features.ts';
import { RESPONSE_FEATURE_COUNT, responseFeatures } from '../features/response-features.ts';

export const ANSWER_KINDS: readonly AnswerKind[] = ['choice', 'number', 'code', 'text'];

/** What a cascade can observe about one item: its prompt, and each called model's answer. */
export interface ItemSignals {
  kind: AnswerKind;
  hand: Float64Array;
  /** Per candidate: the comparable answer (letter or number) in its response, if any. */
  answers: (string | undefined)[];
  /** Per candidate: features of its response (zeros, with "answer found" 0, when the file has no response). */
  responses: Float64Array[];
}

export function itemSignals(table: OutcomeTable): ItemSignals[] {
  return table.items.map((item) => {
    const message = routingMessage(item);
    const kind = answerKind(message);
    const letters = kind === 'choice' ? choiceLetters(message) : undefined;
    const answers: (string | undefined)[] = [];
    const responses: Float64Array[] = [];
    for (const model of table.models) {
      const response = item.outcomes.get(model)!.response;
      const answer = response === undefined ? undefined : extractAnswer(response, kind, letters);
      answers.push(answer);
      responses.push(response === undefined ? new Float64Array(RESPONSE_FEATURE_COUNT) : responseFeatures(response, answer !== undefined));
    }
    return { kind, hand: handFeatures(message, item.turns?.length ?? 1), answers, responses };
  });
}
