import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { countTextTokens } from '../../tokens/count-text.ts';
import { commonModels, outcomeTable } from './outcome-table.ts';
import { readOutcomes } from './read-outcomes.ts';

const directory = mkdtempSync(join(tmpdir(), 'frugal-outcomes-'));
after(() => rmSync(directory, { recursive: true, force: true }));

function write(name: string, lines: object[]): string {
  const path = join(directory, name);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return path;
}

test('recorded USD costs become integer pico-USD; a repeated id adds its models to the first line', async () => {
  const path = write('recorded.jsonl', [
    { id: 'q1', source: 's', messages: [{ role: 'user', content: 'Question one?' }], outcomes: { cheap: { score: 1, cost_usd: 0.0042639999999999996, response: 'A' } } },
    { id: 'q2', source: 's', messages: [{ role: 'user', content: 'Question two?' }], outcomes: { cheap: { score: 0, cost_usd: 0.0001 }, strong: { score: 1, cost_usd: 0.005 } } },
    { id: 'q1', source: 's', messages: [{ role: 'user', content: 'Question one, other wording?' }], outcomes: { strong: { score: 1, cost_usd: 0.00533 } } },
  ]);
  const data = await readOutcomes(path);
  assert.equal(data.items.length, 2);
  assert.equal(data.mergedDuplicates, 1);
  assert.deepEqual(data.models, ['cheap', 'strong']);
  const first = data.items[0]!;
  assert.equal(first.messages[0]!.content, 'Question one?');
  // 0.0042639999999999996 USD × 10^12 = 4,264,000,000 pico-USD after rounding away float noise.
  assert.equal(first.outcomes.get('cheap')!.costPico, 4_264_000_000);
  assert.equal(first.outcomes.get('strong')!.costPico, 5_330_000_000);
  assert.deepEqual(data.costNotes, []);
  const table = outcomeTable(data.items, commonModels(data.items));
  assert.equal(table.items.length, 2);
  assert.deepEqual(Array.from(table.scores), [1, 1, 0, 1]);
});

test('a missing cost is computed from prompt and response tokens with the catalog, and noted', async () => {
  const prompt = 'How many eggs are left if 16 are laid and 7 are used?';
  const response = 'There are 16 - 7 = 9 eggs left.\n#### 9';
  const path = write('computed.jsonl', [
    { id: 'g1', source: 'gsm8k', messages: [{ role: 'user', content: prompt }], outcomes: { 'gpt-4-1106-preview': { score: 1, response } } },
  ]);
  const catalog = loadShippedCatalog();
  const data = await readOutcomes(path, { catalog });
  const outcome = data.items[0]!.outcomes.get('gpt-4-1106-preview')!;
  // gpt-4-1106-preview: $10 / M input = 10,000,000 pico per token; $30 / M output = 30,000,000.
  const expected = countTextTokens(prompt, 'gpt-4-1106-preview') * 10_000_000 + countTextTokens(response, 'gpt-4-1106-preview') * 30_000_000;
  assert.equal(outcome.costPico, expected);
  assert.equal(outcome.costSource, 'computed');
  assert.deepEqual(data.costNotes, [
    { model: 'gpt-4-1106-preview', computed: 1, promptOnly: 0, catalogModel: 'openai/gpt-4-1106-preview', catalogVersion: catalog.version },
  ]);
});

test('an absent file is FRUGAL_DATA_MISSING naming the path; a bad line names its number', async () => {
  const missing = join(directory, 'absent.jsonl');
  await assert.rejects(readOutcomes(missing), (error: Error & { code?: string }) => error.code === 'FRUGAL_DATA_MISSING' && error.message.includes(missing));
  const bad = write('bad.jsonl', [{ id: 'x', messages: [{ role: 'user', content: 'hi' }], outcomes: { m: { score: 2 } } }]);
  await assert.rejects(readOutcomes(bad), (error: Error & { code?: string }) => error.code === 'FRUGAL_INVALID_DATA' && /line 1: outcomes\["m"\]\.score/.test(error.message));
});
