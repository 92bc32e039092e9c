import { formatLabels, seriesKey } from './labels.ts';

/** Upper bounds in seconds: from a fast cache-hit answer to a long reasoning stream. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] as const;

interface Series {
  values: readonly string[];
  counts: number[];
  sum: number;
  count: number;
}

/** A Prometheus histogram with labels; observations in seconds. */
export class Histogram {
  readonly #name: string;
  readonly #help: string;
  readonly #labels: readonly string[];
  readonly #series = new Map<string, Series>();

  constructor(name: string, help: string, labels: readonly string[]) {
    this.#name = name;
    this.#help = help;
    this.#labels = labels;
  }

  /** `key` is `seriesKey(values)`, passed when the caller has it already. */
  observe(values: readonly string[], seconds: number, key = seriesKey(values)): void {
    let series = this.#series.get(key);
    if (series === undefined) {
      series = { values, counts: new Array<number>(LATENCY_BUCKETS.length).fill(0), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    for (let index = 0; index < LATENCY_BUCKETS.length; index++) {
      if (seconds <= LATENCY_BUCKETS[index]!) {
        series.counts[index]! += 1;
        break;
      }
    }
    series.sum += seconds;
    series.count += 1;
  }

  render(): string {
    let text = `# HELP ${this.#name} ${this.#help}\n# TYPE ${this.#name} histogram\n`;
    for (const series of this.#series.values()) {
      let cumulative = 0;
      for (let index = 0; index < LATENCY_BUCKETS.length; index++) {
        cumulative += series.counts[index]!;
        text += `${this.#name}_bucket${formatLabels(this.#labels, series.values, `le="${LATENCY_BUCKETS[index]}"`)} ${cumulative}\n`;
      }
      text += `${this.#name}_bucket${formatLabels(this.#labels, series.values, 'le="+Inf"')} ${series.count}\n`;
      text += `${this.#name}_sum${formatLabels(this.#labels, series.values)} ${series.sum}\n`;
      text += `${this.#name}_count${formatLabels(this.#labels, series.values)} ${series.count}\n`;
    }
    return text;
  }
}
