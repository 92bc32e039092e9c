import type { CurvePoint } from './curve.ts';
import type { MatchPoint, RouteEvaluation } from './evaluate-router.ts';

const ROWS_OF_CURVE = 12;

function usd(value: number | null, digits = 3): string {
  return value === null ? '-' : `$${value.toFixed(digits)}`;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [format(header), ...rows.map(format)].join('\n');
}

/** About ROWS_OF_CURVE points spread evenly over the curve's cost range (always its two ends). */
function sampleCurve(curve: readonly CurvePoint[]): CurvePoint[] {
  if (curve.length <= ROWS_OF_CURVE) return [...curve];
  const sorted = [...curve].sort((left, right) => left.costUsdPer1k - right.costUsdPer1k);
  const low = sorted[0]!.costUsdPer1k;
  const high = sorted[sorted.length - 1]!.costUsdPer1k;
  const chosen = new Set<CurvePoint>();
  for (let step = 0; step < ROWS_OF_CURVE; step++) {
    const target = low + ((high - low) * step) / (ROWS_OF_CURVE - 1);
    chosen.add(sorted.reduce((best, point) => (Math.abs(point.costUsdPer1k - target) < Math.abs(best.costUsdPer1k - target) ? point : best)));
  }
  return [...chosen].sort((left, right) => left.costUsdPer1k - right.costUsdPer1k);
}

function describePoint(point: MatchPoint, parameterName: string): string {
  return `quality ${point.quality.toFixed(3)} at ${usd(point.costUsdPer1k)} per 1k prompts = ${point.costRatio.toFixed(2)} × its cost (${parameterName} ${point.parameter.toPrecision(4)}, premium share ${percent(point.premiumShare)}, ${usd(point.costPerSuccessUsd, 5)} per success)`;
}

/** The human-readable report of `frugal route eval`. */
export function formatEvaluation(evaluation: RouteEvaluation): string {
  const lines: string[] = [];
  lines.push(`router: ${evaluation.router} — ${evaluation.description}`);
  lines.push(`protocol: ${evaluation.protocol}`);
  const { items } = evaluation;
  lines.push(
    `items: train ${items.train}, validation ${items.validation}, test ${items.test}` +
      (items.droppedIncomplete > 0 ? ` (${items.droppedIncomplete} left out: an outcome missing for some candidate)` : '') +
      (items.mergedDuplicates > 0 ? `; ${items.mergedDuplicates} lines repeating an id were merged into it` : ''),
  );
  for (const note of evaluation.costNotes) {
    lines.push(
      `cost: ${note.model} has no cost_usd in the file; computed for ${note.computed} outcomes from token counts × ${note.catalogModel} live prices (catalog ${note.catalogVersion})` +
        (note.promptOnly > 0 ? `; ${note.promptOnly} have no response, so their cost counts the prompt only` : ''),
    );
  }
  lines.push('', 'single models and baselines (test items):');
  const rows = evaluation.singles.map((single) => [
    single.model + (single.model === evaluation.premium ? ' (premium)' : ''),
    single.quality.toFixed(3),
    usd(single.costUsdPer1k),
    usd(single.costPerSuccessUsd, 5),
  ]);
  rows.push(['oracle (cheapest model that succeeds, per item)', evaluation.oracle.quality.toFixed(3), usd(evaluation.oracle.costUsdPer1k), usd(evaluation.oracle.costPerSuccessUsd, 5)]);
  lines.push(table(['model', 'quality', '$ per 1k', '$ per success'], rows));
  lines.push('', `router curve over ${evaluation.parameterName} (${evaluation.curve.length} points; ${ROWS_OF_CURVE} shown):`);
  lines.push(
    table(
      [evaluation.parameterName, 'quality', '$ per 1k', 'premium share', 'calls per item', '$ per success'],
      sampleCurve(evaluation.curve).map((point) => [
        point.parameter.toPrecision(4),
        point.quality.toFixed(3),
        usd(point.costUsdPer1k),
        percent(point.premiumShare),
        point.attemptsPerItem.toFixed(2),
        usd(point.costPerSuccessUsd, 5),
      ]),
    ),
  );
  lines.push('', 'metrics:');
  lines.push(`  AIQ (RouterBench): ${evaluation.aiq.toFixed(4)}   random mix: ${evaluation.random.aiq.toFixed(4)}`);
  if (evaluation.apgr !== null) {
    const cpt = (value: number | null) => (value === null ? 'never reached' : percent(value));
    lines.push(
      `  APGR (RouteLLM): ${evaluation.apgr.toFixed(3)}   random mix: ${evaluation.random.apgr?.toFixed(3) ?? '-'}   CPT(50%): ${cpt(evaluation.cpt50)}   CPT(80%): ${cpt(evaluation.cpt80)}`,
    );
  }
  const best = evaluation.bestSingle;
  lines.push(`  best single model: ${best.model}, quality ${best.quality.toFixed(3)} at ${usd(best.costUsdPer1k)} per 1k (${usd(best.costPerSuccessUsd, 5)} per success)`);
  lines.push(
    evaluation.matchBestSingle === null
      ? '  cheapest point matching it: none — the router never reaches its quality on these items'
      : `  cheapest point matching it: ${describePoint(evaluation.matchBestSingle, evaluation.parameterName)}`,
  );
  if (evaluation.selected !== undefined) {
    const calibrated = evaluation.selected.calibratedOn;
    const how =
      calibrated === undefined
        ? 'requested'
        : `calibrated on ${calibrated.items} validation items (quality there ${calibrated.quality.toFixed(3)}${calibrated.met ? '' : ', target not reached'})`;
    lines.push(`  selected (${how}): ${describePoint(evaluation.selected, evaluation.parameterName)}`);
  }
  return lines.join('\n');
}
