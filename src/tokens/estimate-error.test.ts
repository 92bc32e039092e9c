import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anthropicEstimateError, geminiEstimateError, type EstimateError } from './estimate-error.ts';

/**
 * The bounds documented in docs/tokens.md ("Measured error"). A change to the estimators or
 * their calibration that makes them worse on the recorded usage fails here.
 */
const DOCUMENTED_BOUNDS = {
  anthropic: { samples: 10, mean: 0.02, worst: 0.03 },
  gemini: { samples: 5, mean: 0.06, worst: 0.17 },
};

function check(measured: EstimateError, t: { diagnostic: (message: string) => void }): void {
  const bound = DOCUMENTED_BOUNDS[measured.provider];
  t.diagnostic(
    `${measured.provider}: n=${measured.samples.length}, mean |error| ${(100 * measured.meanAbsoluteRelativeError).toFixed(1)}%, worst ${(100 * measured.worstAbsoluteRelativeError).toFixed(1)}%`,
  );
  for (const sample of measured.samples) {
    t.diagnostic(`  ${sample.source} ${sample.model}: reported ${sample.reported}, estimated ${sample.estimated}`);
  }
  assert.equal(measured.samples.length, bound.samples);
  assert.ok(measured.meanAbsoluteRelativeError <= bound.mean, `mean error ${measured.meanAbsoluteRelativeError} above ${bound.mean}`);
  assert.ok(measured.worstAbsoluteRelativeError <= bound.worst, `worst error ${measured.worstAbsoluteRelativeError} above ${bound.worst}`);
}

test('Claude estimates stay within the documented error on recorded usage', (t) => {
  check(anthropicEstimateError(), t);
});

test('Gemini estimates stay within the documented error on recorded usage', (t) => {
  check(geminiEstimateError(), t);
});
