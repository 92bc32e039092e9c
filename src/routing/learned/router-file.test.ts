import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commonModels, outcomeTable } from '../data/outcome-table.ts';
import { readOutcomes } from '../data/read-outcomes.ts';
import { routingDataPath } from '../data/routing-data-path.ts';
import { LearnedRouter } from './learned-router.ts';
import { loadRouterModel, saveRouterModel } from './router-file.ts';
import { trainRouter } from './train-router.ts';

const directory = mkdtempSync(join(tmpdir(), 'frugal-router-'));
after(() => rmSync(directory, { recursive: true, force: true }));

test('a trained router saved and loaded predicts exactly as before', async () => {
  const data = await readOutcomes(routingDataPath('routellm-gsm8k.jsonl'));
  const table = outcomeTable(data.items.slice(0, 160), commonModels(data.items));
  const file = await trainRouter(table, { kind: 'stacked', dimensions: 64, epochs: 5, folds: 2 });
  const path = join(directory, 'router.json');
  await saveRouterModel(path, file);
  const original = new LearnedRouter(file);
  const restored = new LearnedRouter(await loadRouterModel(path));
  assert.deepEqual(restored.candidates, table.models);
  for (const item of data.items.slice(160, 170)) {
    const message = item.messages[0]!.content;
    const [before, afterLoad] = [original.features(message), restored.features(message)];
    assert.deepEqual(restored.predict(afterLoad), original.predict(before));
    assert.deepEqual(restored.expectedCosts(afterLoad), original.expectedCosts(before));
    const choice = restored.choose(afterLoad);
    assert.ok(choice.probabilities.every((probability) => probability > 0 && probability < 1));
  }
});

test('a missing or foreign model file is refused with a clear error', async () => {
  const missing = join(directory, 'absent.json');
  await assert.rejects(loadRouterModel(missing), (error: Error & { code?: string }) => error.code === 'FRUGAL_DATA_MISSING' && error.message.includes(missing));
  const foreign = join(directory, 'foreign.json');
  writeFileSync(foreign, JSON.stringify({ format: 'something-else' }));
  await assert.rejects(loadRouterModel(foreign), { code: 'FRUGAL_INVALID_DATA' });
});
