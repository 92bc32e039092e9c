import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startEmulator } from '../start-emulator.ts';
import { parseReplayLines } from './replay-dataset.ts';

const LINES = [
  { id: 'q1', messages: [{ role: 'user', content: 'What is 2+2?' }], outcomes: { weak: { score: 0, response: 'Five.' }, strong: { score: 1, response: 'Four.' } } },
  { id: 'q2', messages: [{ role: 'user', content: 'Write a poem.' }], outcomes: { strong: { score: 0.9 } } },
].map((line) => JSON.stringify(line)).join('\n');

test('a dataset prompt gets the mapped model\'s recorded answer and its score in a header', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'frugal-replay-'));
  const file = join(folder, 'outcomes.jsonl');
  writeFileSync(file, LINES);
  const emulator = await startEmulator({ replay: { file, models: { 'gpt-4o-mini': 'weak', 'gpt-4o': 'strong' } } });
  try {
    const ask = async (model: string, content: string) => {
      const response = await fetch(`${emulator.urls.openai}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
      });
      const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
      return { score: response.headers.get('x-emulator-score'), text: body.choices[0]!.message.content };
    };
    assert.deepEqual(await ask('gpt-4o-mini', 'What is 2+2?'), { score: '0', text: 'Five.' });
    assert.deepEqual(await ask('gpt-4o', 'What is 2+2?'), { score: '1', text: 'Four.' });
    const noResponse = await ask('gpt-4o', 'Write a poem.');
    assert.equal(noResponse.score, '0.9', 'score without a recorded response');
    assert.ok(noResponse.text.length > 0, 'generated text instead');
    assert.equal((await ask('gpt-4o', 'Something else')).score, null, 'a miss is generated, no score');
  } finally {
    await emulator.close();
  }
});

test('without a mapping the first model with a response answers', () => {
  const dataset = parseReplayLines(LINES, 'inline');
  assert.equal(dataset.lookup('What is 2+2?', 'claude-opus-4-8')?.datasetModel, 'weak');
  assert.equal(dataset.lookup('  What is 2+2?  ', 'strong')?.response, 'Four.', 'requested name used when the dataset has it');
});
