import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonModels, outcomeTable } from '../data/outcome-table.ts';
import { readOutcomes } from '../data/read-outcomes.ts';
import { routingDataPath } from '../data/routing-data-path.ts';
import { splitById } from '../data/split.ts';
import { randomMix, singleModels } from './baselines.ts';
import { sweepCurve } from './curve.ts';
import { aiq, apgr } from './metrics.ts';
import { offlineRouter } from './router-registry.ts';

test('the default learned router beats the random router on held-out GSM8K items', async () => {
  const data = await readOutcomes(routingDataPath('routellm-gsm8k.jsonl'));
  const models = commonModels(data.items);
  const split = splitById(data.items, { testShare: 0.4, validationShare: 0 });
  const [train, heldOut] = [outcomeTable(split.train, models), outcomeTable(split.test, models)];
  const fitted = await offlineRouter('default', { dimensions: 256 }).fit(train);
  const curve = sweepCurve(heldOut, fitted.premium, await fitted.prepare(heldOut));
  const singles = singleModels(heldOut, fitted.premium);
  const [strong, weak] = [singles[fitted.premium]!, singles[1 - fitted.premium]!];
  const shares = [{ x: 0, y: weak.quality }, ...curve.map((point) => ({ x: point.premiumShare, y: point.quality })), { x: 1, y: strong.quality }];
  // The random router's APGR is 0.5 by construction (a straight line between the two models).
  assert.ok(apgr(shares, weak.quality, strong.quality) > 0.52, 'APGR above random');
  const maxCost = Math.max(...singles.map((single) => single.costUsdPer1k));
  const random = randomMix(singles, strong.model).map((point) => ({ x: point.costUsdPer1k, y: point.quality }));
  const router = curve.map((point) => ({ x: point.costUsdPer1k, y: point.quality }));
  assert.ok(aiq(router, maxCost) > aiq(random, maxCost), 'AIQ above random');
});
