import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LexicalEmbedder } from './lexical-embedder.ts';

const corpus = [
  'Write a function to reverse a linked list.',
  'Write a function to find the intersection of two arrays.',
  'How many eggs does Janet sell at the market each day?',
  'Which gas do plants take in for photosynthesis?',
];

function dot(left: Float32Array, right: Float32Array): number {
  return left.reduce((sum, value, index) => sum + value * right[index]!, 0);
}

test('vectors are unit length, deterministic, and similar prompts are closer', async () => {
  const embedder = LexicalEmbedder.fit(corpus, 256);
  const [first, again] = await embedder.embed([corpus[0]!, corpus[0]!]);
  assert.equal(first!.length, 256);
  assert.ok(Math.abs(dot(first!, first!) - 1) < 1e-5);
  assert.deepEqual(first, again);
  const code = embedder.embedOne('Write a function to reverse an array.');
  const math = embedder.embedOne('How many apples does Tom sell each day?');
  assert.ok(dot(code, first!) > dot(code, await embedder.embedOne(corpus[2]!)));
  assert.ok(dot(math, embedder.embedOne(corpus[2]!)) > dot(math, first!));
});

test('the fitted state round-trips through JSON', () => {
  const embedder = LexicalEmbedder.fit(corpus, 64);
  const restored = LexicalEmbedder.fromState(JSON.parse(JSON.stringify(embedder.toState())));
  const text = 'Write a function to sort numbers.';
  const [left, right] = [embedder.embedOne(text), restored.embedOne(text)];
  assert.ok(left.every((value, index) => Math.abs(value - right[index]!) < 1e-4));
});
