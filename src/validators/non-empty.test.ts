import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nonEmptyValidator } from './non-empty.ts';
import { answerInput, quietContext } from './test-input.ts';

const CALL = { type: 'tool_call' as const, id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' };

describe('nonEmptyValidator', () => {
  it('fails whitespace-only text and names the stop reason', async () => {
    const verdict = await nonEmptyValidator().validate(answerInput(' \n ', 'Q', { stopReason: 'max_tokens' }), quietContext());
    assert.deepEqual(verdict, { pass: false, reason: 'the response is empty (stop reason max_tokens)' });
  });

  it('passes text, and tool calls unless they are not allowed', async () => {
    assert.equal((await nonEmptyValidator().validate(answerInput('Hi'), quietContext())).pass, true);
    const toolOnly = answerInput('', 'Q', { toolCalls: [CALL], stopReason: 'tool_use' });
    assert.equal((await nonEmptyValidator().validate(toolOnly, quietContext())).pass, true);
    assert.equal((await nonEmptyValidator({ allowToolCalls: false }).validate(toolOnly, quietContext())).pass, false);
  });
});
