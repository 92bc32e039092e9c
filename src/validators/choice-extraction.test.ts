import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractChoice, parseChoiceOptions } from './choice-extraction.ts';
import { readRoutingOutcomes } from './routing-outcomes.ts';

const QUESTION = 'Which is the best example of an object that refracts light?\nA) television sets\nB) silver bowl\nC) mirrors\nD) eyeglasses\nAnswer:';

describe('parseChoiceOptions', () => {
  it('reads the options of the last question of a few-shot prompt', () => {
    const prompt = `Q1?\nA) one\nB) two\nAnswer:\nB\n\n${QUESTION}`;
    assert.deepEqual(
      parseChoiceOptions(prompt).map((option) => `${option.letter}=${option.text}`),
      ['A=television sets', 'B=silver bowl', 'C=mirrors', 'D=eyeglasses'],
    );
  });

  it('accepts (A) and A. styles', () => {
    assert.deepEqual(parseChoiceOptions('Pick:\n(A) red\n(B) blue').map((option) => option.letter), ['A', 'B']);
    assert.deepEqual(parseChoiceOptions('Pick:\nA. red\nB. blue\nC. green').map((option) => option.text), ['red', 'blue', 'green']);
  });
});

describe('extractChoice', () => {
  const options = parseChoiceOptions(QUESTION);
  const cases: Array<[string, string | undefined]> = [
    ['D', 'D'],
    ['D\n', 'D'],
    ['(C)', 'C'],
    ['D (eyeglasses bend light)', 'D'],
    ['A) television sets', 'A'],
    ['The answer is (B).', 'B'],
    ['Lenses bend light, so eyeglasses refract it.\nAnswer: D', 'D'],
    ['**Answer:** C', 'C'],
    ['Option A is wrong, the correct option is D', 'D'],
    ['eyeglasses', 'D'],
    ['Mirrors.', 'C'],
    ['Let me think. A television emits light; a mirror reflects it; glasses refract it. So D.', 'D'],
    ['I do not have enough information to choose.', undefined],
    ['The answer is a bit subtle', undefined],
    ['Unfortunately I cannot answer that.', undefined],
    ['E', undefined],
    ['', undefined],
  ];
  for (const [response, expected] of cases) {
    it(`${JSON.stringify(response)} → ${expected ?? 'none'}`, () => assert.equal(extractChoice(response, options), expected));
  }

  it('without options any letter A–E counts, but not an article', () => {
    assert.equal(extractChoice('E'), 'E');
    assert.equal(extractChoice('A first-aid kit is best'), undefined);
  });
});

describe('extractChoice on real RouterBench ARC-Challenge answers', () => {
  const arc = readRoutingOutcomes('routerbench-train.jsonl').filter((row) => row.source === 'routerbench/arc-challenge');
  const byId = new Map(arc.map((row) => [row.id, row]));

  // The correct letter of each item is the one gpt-4-1106-preview answered, with a recorded score of 1.
  const items: Array<[string, string]> = [
    ['arc-challenge.test.1108', 'D'], // claude-instant "A" and four models "C" scored 0
    ['arc-challenge.test.177', 'D'], // gpt-3.5 answered "D (" and scored 1
    ['arc-challenge.test.55', 'A'], // claude-instant answered the option text "A chart" and scored 1
    ['arc-challenge.val.236', 'C'], // claude-instant "Based on" (truncated) scored 0
    ['arc-challenge.test.349', 'D'], // claude-instant "A first" (truncated option text) scored 0
  ];
  for (const [id, correct] of items) {
    it(`${id}: the extracted choice is correct exactly when the recorded score is 1`, () => {
      const row = byId.get(id)!;
      assert.equal(extractChoice(row.outcomes['gpt-4-1106-preview']!.response!), correct);
      const options = parseChoiceOptions(row.messages.at(-1)!.content);
      for (const [model, outcome] of Object.entries(row.outcomes)) {
        const choice = extractChoice(outcome.response ?? '', options);
        assert.equal(choice === correct, outcome.score === 1, `${model} answered ${JSON.stringify(outcome.response)} → ${choice}, score ${outcome.score}`);
      }
    });
  }

  it('agrees with the recorded score on all but two of 11,182 answers', () => {
    // Items whose models' correct answers agree on one letter (1,024 of 1,039; 15 items have no correct model
    // whose choice can be read). Measured: 2 disagreements in 11,182 answers. Both are grader quirks: the
    // grader reads the first letter, so "A questioning…" (truncated, reads as the article) scored 1, and "13"
    // (the text of option B, the correct one) scored 0.
    const disagreements: string[] = [];
    let answers = 0;
    for (const row of arc) {
      const options = parseChoiceOptions(row.messages.at(-1)!.content);
      const correct = new Set<string>();
      for (const outcome of Object.values(row.outcomes)) {
        const choice = extractChoice(outcome.response ?? '', options);
        if (outcome.score === 1 && choice !== undefined) correct.add(choice);
      }
      if (correct.size !== 1) continue;
      const [letter] = correct;
      for (const [model, outcome] of Object.entries(row.outcomes)) {
        answers++;
        if ((extractChoice(outcome.response ?? '', options) === letter) !== (outcome.score === 1)) disagreements.push(`${row.id} ${model}`);
      }
    }
    assert.equal(answers, 11_182);
    assert.deepEqual(disagreements, ['arc-challenge.val.171 mistralai/mixtral-8x7b-chat', 'arc-challenge.val.184 claude-v2']);
  });
});
