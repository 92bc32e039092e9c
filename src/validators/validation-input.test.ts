import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CanonicalResponse } from '../protocols/canonical/response.ts';
import { userRequest } from './test-input.ts';
import { validationInputFromResponse } from './validation-input.ts';

describe('validationInputFromResponse', () => {
  const request = userRequest('Weather in Oslo?', { candidateCount: 2 });
  const response: CanonicalResponse = {
    id: 'chatcmpl-1',
    model: 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        content: [
          { type: 'thinking', text: 'The user wants weather.' },
          { type: 'text', text: 'Let me check. ' },
          { type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' },
          { type: 'text', text: 'One moment.' },
        ],
        stopReason: 'tool_use',
      },
      { index: 1, content: [{ type: 'refusal', text: 'I cannot help with that.' }], stopReason: 'end_turn' },
    ],
  };

  it('joins visible text, keeps tool calls and stop reason, and leaves thinking out', () => {
    const input = validationInputFromResponse(request, response);
    assert.equal(input.text, 'Let me check. One moment.');
    assert.deepEqual(input.toolCalls.map((call) => call.name), ['get_weather']);
    assert.equal(input.stopReason, 'tool_use');
    assert.equal(input.model, 'gpt-4o-mini-2024-07-18');
    assert.deepEqual(input.samples, ['']);
    assert.equal(input.refusal, undefined);
  });

  it('carries a refusal part and the other choices as samples', () => {
    const input = validationInputFromResponse(request, response, 1);
    assert.equal(input.refusal, 'I cannot help with that.');
    assert.deepEqual(input.samples, ['Let me check. One moment.']);
  });

  it('names the missing choice', () => {
    assert.throws(() => validationInputFromResponse(request, response, 5), /no choice with index 5; it has 2 choice/);
  });
});
