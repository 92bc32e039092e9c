import type { Random } from '../seeded-random.ts';
import type { FaultKind } from './fault-kinds.ts';
import type { FaultPlan, FaultRate, FaultScope, FaultScript } from './fault-plan.ts';

function matches(scope: FaultScope, provider: string, model: string): boolean {
  return (scope.model === undefined || scope.model === model) && (scope.provider === undefined || scope.provider === provider);
}

/** The most specific scope wins: model, then provider, then global. */
function specificity(scope: FaultScope): number {
  return (scope.model === undefined ? 0 : 2) + (scope.provider === undefined ? 0 : 1);
}

/**
 * Decides, request by request, whether a fault happens. Scripts come first (the most specific
 * matching script with steps left gives its next step; `ok` means no fault); otherwise each matching
 * rate is drawn in turn from the seeded generator.
 */
export class FaultInjector {
  #rates: FaultRate[] = [];
  #scripts: FaultScript[] = [];
  #retryAfterSeconds = 1;
  readonly #random: Random;

  constructor(random: Random, plan?: FaultPlan) {
    this.#random = random;
    if (plan !== undefined) this.add(plan);
  }

  get retryAfterSeconds(): number {
    return this.#retryAfterSeconds;
  }

  add(plan: FaultPlan): void {
    this.#rates.push(...plan.rates);
    this.#scripts.push(...plan.scripts.map((script) => ({ ...script, sequence: [...script.sequence] })));
    this.#scripts.sort((left, right) => specificity(right) - specificity(left));
    if (plan.retryAfterSeconds !== undefined) this.#retryAfterSeconds = plan.retryAfterSeconds;
  }

  clear(): void {
    this.#rates = [];
    this.#scripts = [];
  }

  /** What is left to happen, for GET /_emulator/faults. */
  snapshot(): FaultPlan {
    return {
      rates: this.#rates.map((rate) => ({ ...rate })),
      scripts: this.#scripts.filter((script) => script.sequence.length > 0).map((script) => ({ ...script, sequence: [...script.sequence] })),
      retryAfterSeconds: this.#retryAfterSeconds,
    };
  }

  next(provider: string, model: string): FaultKind | undefined {
    if (this.#scripts.length > 0) {
      for (const script of this.#scripts) {
        if (script.sequence.length === 0 || !matches(script, provider, model)) continue;
        const step = script.sequence.shift();
        return step === 'ok' ? undefined : step;
      }
    }
    for (const rate of this.#rates) {
      if (matches(rate, provider, model) && this.#random.next() < rate.rate) return rate.kind;
    }
    return undefined;
  }
}
