import { sigmoid } from './logistic.ts';
import { seededRandom, shuffledIndices } from './seeded-shuffle.ts';

/** Independent logistic outputs over one shared input row: P(output j) = σ(w_j · x + b_j). */
export interface LogisticModel {
  inputs: number;
  outputs: number;
  /** outputs × inputs, row-major. */
  weights: Float32Array;
  bias: Float64Array;
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias), per training row (default 1). */
  l2?: number;
  epochs?: number;
  learningRate?: number;
  batchSize?: number;
  seed?: number;
}

/**
 * Fits the model by mini-batch Adam on the mean log loss (labels may be soft, in [0, 1]).
 * `labels[row * outputs + output]`.
 */
export function trainLogistic(rows: readonly ArrayLike<number>[], labels: Float64Array, outputs: number, options: LogisticOptions = {}): LogisticModel {
  const inputs = rows[0]?.length ?? 0;
  const l2 = options.l2 ?? 1;
  const epochs = options.epochs ?? 30;
  const rate = options.learningRate ?? 0.05;
  const batchSize = options.batchSize ?? 64;
  const random = seededRandom(options.seed ?? 7);
  const weights = new Float64Array(outputs * inputs);
  const bias = new Float64Array(outputs);
  // Start each bias at its label's log-odds so early epochs fit the signal, not the base rate.
  for (let output = 0; output < outputs; output++) {
    let sum = 0;
    for (let row = 0; row < rows.length; row++) sum += labels[row * outputs + output]!;
    const mean = Math.min(0.99, Math.max(0.01, sum / Math.max(1, rows.length)));
    bias[output] = Math.log(mean / (1 - mean));
  }
  const firstMoment = new Float64Array(weights.length + outputs);
  const secondMoment = new Float64Array(weights.length + outputs);
  const gradient = new Float64Array(weights.length + outputs);
  const errors = new Float64Array(outputs);
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffledIndices(rows.length, random);
    for (let start = 0; start < rows.length; start += batchSize) {
      const end = Math.min(rows.length, start + batchSize);
      gradient.fill(0);
      for (let position = start; position < end; position++) {
        const row = order[position]!;
        const x = rows[row]!;
        for (let output = 0; output < outputs; output++) {
          let activation = bias[output]!;
          const offset = output * inputs;
          for (let input = 0; input < inputs; input++) activation += weights[offset + input]! * x[input]!;
          errors[output] = sigmoid(activation) - labels[row * outputs + output]!;
        }
        for (let output = 0; output < outputs; output++) {
          const error = errors[output]!;
          if (error === 0) continue;
          const offset = output * inputs;
          for (let input = 0; input < inputs; input++) gradient[offset + input]! += error * x[input]!;
          gradient[weights.length + output]! += error;
        }
      }
      const count = end - start;
      step++;
      const correction1 = 1 - 0.9 ** step;
      const correction2 = 1 - 0.999 ** step;
      for (let index = 0; index < gradient.length; index++) {
        const isWeight = index < weights.length;
        const value = gradient[index]! / count + (isWeight ? (l2 * weights[index]!) / rows.length : 0);
        firstMoment[index] = 0.9 * firstMoment[index]! + 0.1 * value;
        secondMoment[index] = 0.999 * secondMoment[index]! + 0.001 * value * value;
        const change = (rate * (firstMoment[index]! / correction1)) / (Math.sqrt(secondMoment[index]! / correction2) + 1e-8);
        if (isWeight) weights[index]! -= change;
        else bias[index - weights.length]! -= change;
      }
    }
  }
  return { inputs, outputs, weights: Float32Array.from(weights), bias };
}

/** P(output) for every output, written into `into` when given. */
export function predictLogistic(model: LogisticModel, row: ArrayLike<number>, into = new Float64Array(model.outputs)): Float64Array {
  const { inputs, weights, bias } = model;
  for (let output = 0; output < model.outputs; output++) {
    let activation = bias[output]!;
    const offset = output * inputs;
    for (let input = 0; input < inputs; input++) activation += weights[offset + input]! * row[input]!;
    into[output] = sigmoid(activation);
  }
  return into;
}
