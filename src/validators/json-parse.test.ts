import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonParseValidator } from './json-parse.ts';
import { answerInput, quietContext } from './test-input.ts';

describe('jsonParseValidator', () => {
  const validator = jsonParseValidator();

  it('passes JSON, also inside one Markdown fence', async () => {
    assert.equal((await validator.validate(answerInput('{"city": "Paris", "population": 2102650}'), quietContext())).pass, true);
    assert.equal((await validator.validate(answerInput('```json\n{"city": "Paris"}\n```'), quietContext())).pass, true);
  });

  it('fails prose, truncated JSON and empty text, saying why', async () => {
    const truncated = await validator.validate(answerInput('{"city": "Paris", "popul', 'Q', { stopReason: 'max_tokens' }), quietContext());
    assert.equal(truncated.pass, false);
    assert.match(truncated.reason, /not valid JSON/);
    assert.equal((await validator.validate(answerInput('Sure! Here is the JSON: {"a": 1}'), quietContext())).pass, false);
    assert.match((await validator.validate(answerInput('  '), quietContext())).reason, /empty/);
  });

  it('rejects a fence when fences are not allowed', async () => {
    const strict = jsonParseValidator({ allowCodeFence: false });
    assert.equal((await strict.validate(answerInput('```json\n{"a": 1}\n```'), quietContext())).pass, false);
  });
});
