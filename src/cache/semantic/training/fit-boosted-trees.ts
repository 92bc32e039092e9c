import type { BoostedTrees, TreeNode } from '../verifier/boosted-trees.ts';
import { xorshift32 } from '../xorshift32.ts';

export interface BoostingOptions {
  rounds: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values (the λ of XGBoost). */
  l2: number;
  /** Smallest sum of hessians a leaf may hold, so leaves are not fitted to a handful of pairs. */
  minLeafHessian: number;
  /** Candidate split points per feature (quantiles of the training values). */
  bins: number;
  /** Share of examples each tree is fitted on, drawn afresh per tree (stochastic boosting). */
  subsample: number;
  /** Seed of the row sampling, so a training run is reproducible. */
  seed: number;
}

export const DEFAULT_BOOSTING: BoostingOptions = { rounds: 150, depth: 4, learningRate: 0.1, l2: 1, minLeafHessian: 5, bins: 64, subsample: 1, seed: 1 };

/** Quantile split points, rounded to 4 significant digits so the JSON model stays small and exact. */
function splitPoints(values: Float64Array, bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const points = new Set<number>();
  for (let bin = 1; bin < bins; bin++) {
    const value = sorted[Math.floor((bin * sorted.length) / bins)]!;
    points.add(Number(value.toPrecision(4)));
  }
  return [...points].sort((left, right) => left - right);
}

/**
 * Second-order gradient boosting of logistic loss with exact greedy splits over binned
 * features. `rows[i]` are the features of example i, `labels[i]` its 0/1 label.
 */
export function fitBoostedTrees(rows: number[][], labels: number[], options: BoostingOptions = DEFAULT_BOOSTING): BoostedTrees {
  const count = rows.length;
  const featureCount = rows[0]!.length;
  const columns = Array.from({ length: featureCount }, (_, feature) => Float64Array.from(rows, (row) => row[feature]!));
  const points = columns.map((column) => splitPoints(column, options.bins));
  // binned[feature][i] = index of the first split point ≥ value (value ≤ point ⇔ bin ≤ point index).
  const binned = columns.map((column, feature) => {
    const featurePoints = points[feature]!;
    return Uint8Array.from(column, (value) => {
      let low = 0;
      let high = featurePoints.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (featurePoints[middle]! < value) low = middle + 1;
        else high = middle;
      }
      return low;
    });
  });

  const positives = labels.reduce((sum, label) => sum + label, 0);
  const bias = Math.log(Math.max(positives, 1) / Math.max(count - positives, 1));
  const margins = new Float64Array(count).fill(bias);
  const gradients = new Float64Array(count);
  const hessians = new Float64Array(count);
  const trees: TreeNode[] = [];

  const grow = (members: Uint32Array, level: number): TreeNode => {
    let gradientSum = 0;
    let hessianSum = 0;
    for (const member of members) {
      gradientSum += gradients[member]!;
      hessianSum += hessians[member]!;
    }
    const leaf = Number(((-gradientSum / (hessianSum + options.l2)) * options.learningRate).toPrecision(5));
    if (level === options.depth || hessianSum < 2 * options.minLeafHessian) return leaf;
    const parentScore = (gradientSum * gradientSum) / (hessianSum + options.l2);
    let best = { gain: 1e-9, feature: -1, point: -1 };
    for (let feature = 0; feature < featureCount; feature++) {
      const featurePoints = points[feature]!;
      const bins = featurePoints.length + 1;
      const gradientByBin = new Float64Array(bins);
      const hessianByBin = new Float64Array(bins);
      const featureBins = binned[feature]!;
      for (const member of members) {
        gradientByBin[featureBins[member]!]! += gradients[member]!;
        hessianByBin[featureBins[member]!]! += hessians[member]!;
      }
      let leftGradient = 0;
      let leftHessian = 0;
      for (let point = 0; point < featurePoints.length; point++) {
        leftGradient += gradientByBin[point]!;
        leftHessian += hessianByBin[point]!;
        const rightHessian = hessianSum - leftHessian;
        if (leftHessian < options.minLeafHessian || rightHessian < options.minLeafHessian) continue;
        const rightGradient = gradientSum - leftGradient;
        const gain =
          (leftGradient * leftGradient) / (leftHessian + options.l2) +
          (rightGradient * rightGradient) / (rightHessian + options.l2) -
          parentScore;
        if (gain > best.gain) best = { gain, feature, point };
      }
    }
    if (best.feature < 0) return leaf;
    const featureBins = binned[best.feature]!;
    const left = members.filter((member) => featureBins[member]! <= best.point);
    const right = members.filter((member) => featureBins[member]! > best.point);
    return [best.feature, points[best.feature]![best.point]!, grow(left, level + 1), grow(right, level + 1)];
  };

  const everyone = Uint32Array.from({ length: count }, (_, index) => index);
  const random = xorshift32(options.seed >>> 0 || 1);
  for (let round = 0; round < options.rounds; round++) {
    for (let index = 0; index < count; index++) {
      const probability = 1 / (1 + Math.exp(-margins[index]!));
      gradients[index] = probability - labels[index]!;
      hessians[index] = Math.max(probability * (1 - probability), 1e-6);
    }
    const tree = grow(options.subsample >= 1 ? everyone : everyone.filter(() => random() < options.subsample), 0);
    trees.push(tree);
    for (let index = 0; index < count; index++) {
      let node = tree;
      while (typeof node !== 'number') node = rows[index]![node[0]]! <= node[1] ? node[2] : node[3];
      margins[index]! += node;
    }
  }
  return { bias: Number(bias.toPrecision(6)), trees };
}
