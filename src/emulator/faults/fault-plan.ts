import { FrugalError } from '../../errors/frugal-error.ts';
import { isFaultKind, FAULT_KINDS, type FaultKind, type ScriptStep } from './fault-kinds.ts';

/** Which requests a fault applies to; no field = every request. */
export interface FaultScope {
  model?: string;
  /** Provider route of the model ("openai", "anthropic", "gemini", "deepseek", ...). */
  provider?: string;
}

/** Fault at a random rate: each matching request draws it with probability `rate`. */
export interface FaultRate extends FaultScope {
  kind: FaultKind;
  rate: number;
}

/** Faults in a fixed order: each matching request takes the next step. */
export interface FaultScript extends FaultScope {
  sequence: ScriptStep[];
}

export interface FaultPlan {
  rates: FaultRate[];
  scripts: FaultScript[];
  /** `retry-after` sent with 429, 503 and 529 answers, in seconds. */
  retryAfterSeconds?: number;
}

function readScope(value: Record<string, unknown>, where: string): FaultScope {
  const scope: FaultScope = {};
  for (const field of ['model', 'provider'] as const) {
    const item = value[field];
    if (item === undefined) continue;
    if (typeof item !== 'string' || item === '') {
      throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}.${field} must be a non-empty string, got ${JSON.stringify(item)}`);
    }
    scope[field] = item;
  }
  return scope;
}

function readKind(value: unknown, where: string): FaultKind {
  if (!isFaultKind(value)) {
    throw new FrugalError(
      'FRUGAL_INVALID_CONFIG',
      `${where} must be one of ${FAULT_KINDS.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function readObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where} must be an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * Parses the `faults` section of an emulator config file, or the body of POST /_emulator/faults:
 * `{ rates: [{ kind, rate, model?, provider? }], scripts: [{ sequence: [kind | "ok"], model?, provider? }],
 *   retryAfterSeconds? }`.
 */
export function parseFaultPlan(value: unknown, where = 'faults'): FaultPlan {
  const plan = readObject(value, where);
  const rates = plan.rates ?? [];
  const scripts = plan.scripts ?? [];
  if (!Array.isArray(rates)) throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}.rates must be a list`);
  if (!Array.isArray(scripts)) throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}.scripts must be a list`);
  const parsed: FaultPlan = {
    rates: rates.map((item, index) => {
      const at = `${where}.rates[${index}]`;
      const rate = readObject(item, at);
      if (typeof rate.rate !== 'number' || !(rate.rate >= 0 && rate.rate <= 1)) {
        throw new FrugalError('FRUGAL_INVALID_CONFIG', `${at}.rate must be a number from 0 to 1, got ${JSON.stringify(rate.rate)}`);
      }
      return { ...readScope(rate, at), kind: readKind(rate.kind, `${at}.kind`), rate: rate.rate };
    }),
    scripts: scripts.map((item, index) => {
      const at = `${where}.scripts[${index}]`;
      const script = readObject(item, at);
      if (!Array.isArray(script.sequence) || script.sequence.length === 0) {
        throw new FrugalError('FRUGAL_INVALID_CONFIG', `${at}.sequence must be a non-empty list of fault kinds or "ok"`);
      }
      const sequence = script.sequence.map((step, stepIndex) =>
        step === 'ok' ? ('ok' as const) : readKind(step, `${at}.sequence[${stepIndex}]`),
      );
      return { ...readScope(script, at), sequence };
    }),
  };
  if (plan.retryAfterSeconds !== undefined) {
    if (typeof plan.retryAfterSeconds !== 'number' || !(plan.retryAfterSeconds >= 0)) {
      throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}.retryAfterSeconds must be a non-negative number`);
    }
    parsed.retryAfterSeconds = plan.retryAfterSeconds;
  }
  return parsed;
}
