import type { OutcomeTable } from '../data/outcome-table.ts';
import { sweepCurve } from '../evaluation/curve.ts';
import { pickParameter, type CalibrationTarget } from '../evaluation/pick-parameter.ts';
import type { LearnedRouter } from './learned-router.ts';
import { prepareLearned, ruleFor } from './offline-learned-router.ts';
import type { RouterModelFile } from './router-model.ts';

export interface CalibrationResult {
  file: RouterModelFile;
  met: boolean;
}

/**
 * Sets the router's decision parameter (λ, or the threshold) from a sweep over `table` — items
 * the router was not trained on — so that it reaches the target: the cheapest setting with
 * quality ≥ Q, or the best quality calling the premium model on at most a share S of items.
 * Returns `file` (the router's model file) with the new decision and calibration.
 */
export async function calibrateRouter(
  router: LearnedRouter,
  file: RouterModelFile,
  table: OutcomeTable,
  target: CalibrationTarget,
  rule: 'utility' | 'threshold',
  data: string,
): Promise<CalibrationResult> {
  const premium = router.candidates.indexOf(router.premium);
  const curve = sweepCurve(table, premium, await prepareLearned(router, table, rule));
  const { point, met } = pickParameter(curve, target);
  const calibrated: RouterModelFile = {
    ...file,
    decision: ruleFor(rule, point.parameter),
    calibration: {
      target: 'quality' in target ? 'quality' : 'premium-share',
      value: 'quality' in target ? target.quality : target.premiumShare,
      achieved: { quality: point.quality, premiumShare: point.premiumShare, costUsdPer1k: point.costUsdPer1k },
      items: table.items.length,
      data,
    },
  };
  return { file: calibrated, met };
}
