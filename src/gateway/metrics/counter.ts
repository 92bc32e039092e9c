import { formatScaled } from '../../cost/money.ts';
import { formatLabels, seriesKey } from './labels.ts';

interface Series<T> {
  values: readonly string[];
  total: T;
}

/** A Prometheus counter with labels. */
export class Counter {
  readonly #name: string;
  readonly #help: string;
  readonly #labels: readonly string[];
  readonly #series = new Map<string, Series<number>>();

  constructor(name: string, help: string, labels: readonly string[]) {
    this.#name = name;
    this.#help = help;
    this.#labels = labels;
  }

  /** `key` is `seriesKey(values)`, passed when the caller has it already. */
  add(values: readonly string[], amount = 1, key = seriesKey(values)): void {
    const series = this.#series.get(key);
    if (series === undefined) this.#series.set(key, { values, total: amount });
    else series.total += amount;
  }

  render(): string {
    let text = `# HELP ${this.#name} ${this.#help}\n# TYPE ${this.#name} counter\n`;
    for (const series of this.#series.values()) text += `${this.#name}${formatLabels(this.#labels, series.values)} ${series.total}\n`;
    return text;
  }
}

/**
 * A counter of money: sums are exact integer pico-USD (bigint, so they never lose a
 * digit), printed in USD as exact decimals.
 */
export class MoneyCounter {
  readonly #name: string;
  readonly #help: string;
  readonly #labels: readonly string[];
  readonly #series = new Map<string, Series<bigint>>();

  constructor(name: string, help: string, labels: readonly string[]) {
    this.#name = name;
    this.#help = help;
    this.#labels = labels;
  }

  /** `key` is `seriesKey(values)`, passed when the caller has it already. */
  add(values: readonly string[], picoUsd: number, key = seriesKey(values)): void {
    const series = this.#series.get(key);
    if (series === undefined) this.#series.set(key, { values, total: BigInt(picoUsd) });
    else series.total += BigInt(picoUsd);
  }

  render(): string {
    let text = `# HELP ${this.#name} ${this.#help}\n# TYPE ${this.#name} counter\n`;
    for (const series of this.#series.values()) text += `${this.#name}${formatLabels(this.#labels, series.values)} ${formatScaled(series.total, 12)}\n`;
    return text;
  }
}
