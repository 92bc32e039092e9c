import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusalValidator } from './refusal.ts';
import { answerInput, quietContext } from './test-input.ts';

describe('refusalValidator', () => {
  const validator = refusalValidator();
  const verdictOf = (text: string, extra = {}) => validator.validate(answerInput(text, 'Q', extra), quietContext());

  const refusals = [
    "I'm sorry, but I can't help with that.", // OpenAI models
    "I'm sorry, I can't assist with that request.",
    'I apologize, but I do not feel comfortable providing instructions for that.', // Claude 2
    "I don't feel comfortable speculating about a real person's health.",
    'As an AI language model, I cannot browse the internet.',
    'I cannot provide medical diagnoses. Please consult a doctor.',
    "Unfortunately, I can't share that information.",
    'I must decline to write that.',
    "I'm not able to help with creating malware.",
    'I’m sorry, but I can’t help with that.', // typographic apostrophes
  ];
  for (const text of refusals) {
    it(`fails ${JSON.stringify(text)}`, async () => assert.equal((await verdictOf(text)).pass, false));
  }

  const answers = [
    'The capital of Australia is Canberra.',
    'D',
    // A helpful answer that quotes a refusal phrase far from its start.
    `${'Here is a long, complete answer about handling customer tickets. '.repeat(6)}If a user asks for a refund after 30 days, reply "I can't help with that" politely.`,
  ];
  for (const text of answers) {
    it(`passes ${JSON.stringify(text.slice(0, 40))}`, async () => assert.equal((await verdictOf(text)).pass, true));
  }

  it('fails on the provider refusal part and on refusing stop reasons', async () => {
    assert.match((await verdictOf('', { refusal: 'I cannot comply.' })).reason, /provider returned a refusal/);
    assert.deepEqual(await verdictOf('', { stopReason: 'content_filter' }), { pass: false, reason: 'the response stopped with content_filter' });
    assert.equal((await verdictOf('Partial text', { stopReason: 'refusal' })).pass, false);
  });
});
