import type { MethodReport, PairEvaluation } from './evaluate-pairs.ts';
import type { RetrievalRow } from './evaluate-retrieval.ts';
import type { ThresholdPoint } from './threshold-metrics.ts';

const count = (value: number) => value.toLocaleString('en-US');
const percent = (value: number | null, digits = 1) => (value === null ? '-' : `${(value * 100).toFixed(digits)}%`);
/** False-hit rates sit near the 1% target, where one decimal would hide which side they are on. */
const rate = (value: number | null) => percent(value, 2);
const METHOD_NAMES = { cosine: 'cosine', 'cosine+verifier': 'cosine + verifier' } as const;

function table(rows: string[][], rightFrom: number): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  return rows
    .map((cells) => cells.map((cell, column) => (column < rightFrom ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd())
    .join('\n');
}

function methodRow(report: MethodReport): string[] {
  const point = report.heldOut;
  return [
    METHOD_NAMES[report.method],
    report.threshold === null ? '-' : String(report.threshold),
    report.chosenOn ?? '-',
    percent(point?.precision ?? null),
    percent(point?.recall ?? null),
    rate(point?.falseHitRate ?? null),
    point === null ? '-' : `${count(point.correctHits)} / ${count(point.falseHits)}`,
  ];
}

/** Every 0.05 of the grid plus the chosen threshold, skipping thresholds that accept everything. */
function curveRows(report: MethodReport): string[][] {
  const shown = report.curve.filter(
    (point: ThresholdPoint) => Math.round(point.threshold * 200) % 10 === 0 || point.threshold === report.threshold,
  );
  return shown.map((point) => [
    point.threshold === report.threshold ? `${point.threshold} *` : String(point.threshold),
    count(point.accepted),
    percent(point.precision),
    percent(point.recall),
    rate(point.falseHitRate),
  ]);
}

export interface EvaluationContext {
  pairsPath: string;
  pairCount: number;
  duplicates: number;
  embedder: string;
  dimensions: number;
  verifier: string | null;
  minimumSimilarity: number;
  maxFalseHitRate: number;
}

export function formatPairEvaluation(evaluation: PairEvaluation, context: EvaluationContext, retrieval: RetrievalRow[] | undefined): string {
  const { split } = evaluation;
  const primary = evaluation.verified ?? evaluation.cosine;
  const lines = [
    `pairs     ${context.pairsPath}: ${count(context.pairCount)} (${count(context.duplicates)} duplicates)`,
    `split     development ${count(split.development)} · held-out ${count(split.heldOut)} (${count(split.heldOutDuplicates)} duplicates); pairs sharing a text stay in one part`,
    `embedder  ${context.embedder} (${count(context.dimensions)} dimensions)`,
    context.verifier === null ? 'verifier  none' : `verifier  ${context.verifier}; candidates need embedder similarity >= ${context.minimumSimilarity}`,
    `target    false-hit rate <= ${percent(context.maxFalseHitRate)} in 95% of group resamples of the development part; figures below are the held-out part`,
    '',
    table(
      [
        ['method', 'threshold', 'chosen on', 'precision', 'recall', 'false-hit rate', 'correct / false hits'],
        methodRow(evaluation.cosine),
        ...(evaluation.verified === null ? [] : [methodRow(evaluation.verified)]),
      ],
      3,
    ),
    '',
    `held-out curve, ${METHOD_NAMES[primary.method]} (* = chosen):`,
    table([['threshold', 'accepted', 'precision', 'recall', 'false-hit rate'], ...curveRows(primary)], 1),
  ];
  if (retrieval !== undefined) {
    lines.push(
      '',
      "retrieval, GPTCache's way (every duplicate's a stored, every b looked up):",
      table(
        [
          ['method', 'threshold', 'correct', 'wrong', 'miss'],
          ...retrieval.map((row) => [METHOD_NAMES[row.method], String(row.threshold), count(row.correct), count(row.wrong), count(row.miss)]),
        ],
        2,
      ),
    );
  }
  return lines.join('\n');
}
