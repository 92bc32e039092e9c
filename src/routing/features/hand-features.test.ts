import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fewShotExamples, focusText } from './focus-text.ts';
import { answerKind, choiceLetters, HAND_FEATURE_COUNT, HAND_FEATURE_NAMES, handFeatures } from './hand-features.ts';

const fewShot = [
  'Which is a mammal?\nA) shark\nB) whale\nPrint only a single choice.\nAnswer:\nB',
  'Which is a metal?\nA) iron\nB) wood\nPrint only a single choice.\nAnswer:\nA',
  'Which gas do plants take in for photosynthesis?\nA) oxygen\nB) carbon dioxide\nC) helium\nD) neon\nPrint only a single choice.\nAnswer:',
].join('\n\n');

test('few-shot prompts are routed on their final question, not the shared examples', () => {
  assert.equal(fewShotExamples(fewShot), 2);
  assert.ok(focusText(fewShot).startsWith('Which gas do plants'));
  assert.equal(focusText('Write a haiku about rain.'), 'Write a haiku about rain.');
});

test('task type is read from the prompt text', () => {
  assert.equal(answerKind(fewShot), 'choice');
  assert.equal(choiceLetters(fewShot), 'ABCD');
  assert.equal(answerKind('Write a function to find the intersection of two arrays.'), 'code');
  assert.equal(answerKind('Janet has 16 eggs and eats 3. How many eggs are left?'), 'number');
  assert.equal(answerKind('Compose an engaging travel blog post about Hawaii.'), 'text');
});

test('hand features: fixed width, named, and they see options, code and blanks', () => {
  assert.equal(HAND_FEATURE_NAMES.length, HAND_FEATURE_COUNT);
  const choice = handFeatures(fewShot);
  assert.equal(choice.length, HAND_FEATURE_COUNT);
  assert.equal(choice[HAND_FEATURE_NAMES.indexOf('choice options')], 4);
  const blank = handFeatures('Kyle wears leg warmers, Logan does not. _ is colder.\nA) Kyle\nB) Logan');
  assert.equal(blank[HAND_FEATURE_NAMES.indexOf('fill-in-the-blank choice')], 1);
  const code = handFeatures('Write a python function to reverse a list.');
  assert.equal(code[HAND_FEATURE_NAMES.indexOf('code request')], 1);
});
