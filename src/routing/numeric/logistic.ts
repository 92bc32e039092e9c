/** Numerically safe logistic function and its inverse (clamped away from 0 and 1). */
export function sigmoid(value: number): number {
  if (value >= 0) return 1 / (1 + Math.exp(-value));
  const exponential = Math.exp(value);
  return exponential / (1 + exponential);
}

export function logit(probability: number): number {
  const clamped = Math.min(1 - 1e-4, Math.max(1e-4, probability));
  return Math.log(clamped / (1 - clamped));
}
