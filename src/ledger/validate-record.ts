/**
 * Checks records when they are handed to the ledger, so a malformed record is refused on the
 * caller's stack instead of failing a whole batch later in the background writer.
 */
import { PRICING_MODES } from '../catalog/types.ts';
import { FrugalError } from '../errors/frugal-error.ts';
import { BUCKET_NAMES, type UsageBuckets } from '../usage/buckets.ts';
import {
  ATTEMPT_KINDS, CACHE_STATUSES, OUTCOME_SOURCES,
  type AttemptRecord, type OutcomeRecord, type RecordedCost, type RequestRecord,
} from './records.ts';

function fail(field: string, value: unknown, expected: string): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : String(value);
  throw new FrugalError('FRUGAL_INVALID_RECORD', `${field} is ${shown}; expected ${expected}`, { field });
}

/** PostgreSQL cannot store NUL in text, and a record that can never be stored would block its batch. */
function text(field: string, value: unknown): void {
  if (typeof value !== 'string' || value === '' || value.includes('\u0000')) {
    fail(field, value, 'a non-empty string without NUL characters');
  }
}

function optionalText(field: string, value: unknown): void {
  if (value !== null) text(field, value);
}

/** A duration or quantity: finite, not negative, fractions allowed. */
function nonNegative(field: string, value: unknown, nullable: boolean): void {
  if (nullable && value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(field, value, `a finite number ≥ 0${nullable ? ' or null' : ''}`);
  }
}

/** Tokens, pico-USD amounts and epoch milliseconds: whole and exact. */
function count(field: string, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0) fail(field, value, 'a safe integer ≥ 0');
}

function picoOrNull(field: string, value: unknown): void {
  if (value !== null) count(field, value);
}

function usage(field: string, buckets: UsageBuckets): void {
  if (typeof buckets !== 'object' || buckets === null) fail(field, buckets, 'usage buckets');
  for (const name of BUCKET_NAMES) count(`${field}.${name}`, buckets[name]);
}

function cost(field: string, value: RecordedCost): void {
  if (typeof value !== 'object' || value === null) fail(field, value, 'a cost object');
  if (!Array.isArray(value.lines)) fail(`${field}.lines`, value.lines, 'an array of cost lines');
  let sum = 0;
  let priced = true;
  value.lines.forEach((line, index) => {
    text(`${field}.lines[${index}].item`, line.item);
    nonNegative(`${field}.lines[${index}].quantity`, line.quantity, false);
    picoOrNull(`${field}.lines[${index}].unitPicoUsd`, line.unitPicoUsd);
    picoOrNull(`${field}.lines[${index}].amountPicoUsd`, line.amountPicoUsd);
    if (line.amountPicoUsd === null) priced = false;
    else sum += line.amountPicoUsd;
  });
  count(`${field}.totalPicoUsd`, value.totalPicoUsd);
  if (value.totalPicoUsd !== sum) fail(`${field}.totalPicoUsd`, value.totalPicoUsd, `the sum of the priced lines, ${sum}`);
  if (value.complete !== priced) fail(`${field}.complete`, value.complete, `${priced} (${priced ? 'every' : 'not every'} line is priced)`);
  optionalText(`${field}.catalogVersion`, value.catalogVersion);
  if (value.pricingMode !== null && !PRICING_MODES.includes(value.pricingMode)) {
    fail(`${field}.pricingMode`, value.pricingMode, `one of ${PRICING_MODES.join(', ')} or null`);
  }
}

export function validateRequest(request: RequestRecord): void {
  if (typeof request !== 'object' || request === null) fail('request', request, 'a request record');
  text('request.id', request.id);
  count('request.startedAt', request.startedAt);
  count('request.finishedAt', request.finishedAt);
  if (request.finishedAt < request.startedAt) fail('request.finishedAt', request.finishedAt, `≥ startedAt (${request.startedAt})`);
  text('request.clientProtocol', request.clientProtocol);
  optionalText('request.provider', request.provider);
  text('request.modelRequested', request.modelRequested);
  optionalText('request.modelServed', request.modelServed);
  optionalText('request.route', request.route);
  if (!Number.isInteger(request.status) || request.status < 100 || request.status > 599) {
    fail('request.status', request.status, 'an HTTP status between 100 and 599');
  }
  optionalText('request.errorClass', request.errorClass);
  if (typeof request.streamed !== 'boolean') fail('request.streamed', request.streamed, 'a boolean');
  usage('request.usage', request.usage);
  cost('request.cost', request.cost);
  text('request.baselineModel', request.baselineModel);
  picoOrNull('request.baselineCostPicoUsd', request.baselineCostPicoUsd);
  nonNegative('request.timeToFirstTokenMs', request.timeToFirstTokenMs, true);
  nonNegative('request.latencyMs', request.latencyMs, false);
  nonNegative('request.upstreamLatencyMs', request.upstreamLatencyMs, true);
  const attribution = request.attribution;
  if (typeof attribution !== 'object' || attribution === null) fail('request.attribution', attribution, 'an attribution object');
  for (const name of ['feature', 'user', 'customer', 'task', 'session'] as const) {
    optionalText(`request.attribution.${name}`, attribution[name]);
  }
  if (typeof attribution.properties !== 'object' || attribution.properties === null) {
    fail('request.attribution.properties', attribution.properties, 'an object of strings');
  }
  for (const [name, value] of Object.entries(attribution.properties)) {
    text(`request.attribution.properties name ${JSON.stringify(name)}`, name);
    if (typeof value !== 'string' || value.includes('\u0000')) {
      fail(`request.attribution.properties.${name}`, value, 'a string without NUL characters');
    }
  }
  if (request.cache !== null) {
    if (!CACHE_STATUSES.includes(request.cache.status)) {
      fail('request.cache.status', request.cache.status, `one of ${CACHE_STATUSES.join(', ')}`);
    }
    picoOrNull('request.cache.avoidedCostPicoUsd', request.cache.avoidedCostPicoUsd);
    nonNegative('request.cache.similarity', request.cache.similarity, true);
  }
}

export function validateAttempt(attempt: AttemptRecord, request: RequestRecord, position: number): void {
  const field = `attempts[${position}]`;
  if (typeof attempt !== 'object' || attempt === null) fail(field, attempt, 'an attempt record');
  text(`${field}.id`, attempt.id);
  if (attempt.requestId !== request.id) fail(`${field}.requestId`, attempt.requestId, `the request's id ${JSON.stringify(request.id)}`);
  count(`${field}.index`, attempt.index);
  if (!ATTEMPT_KINDS.includes(attempt.kind)) fail(`${field}.kind`, attempt.kind, `one of ${ATTEMPT_KINDS.join(', ')}`);
  text(`${field}.provider`, attempt.provider);
  text(`${field}.model`, attempt.model);
  optionalText(`${field}.deployment`, attempt.deployment);
  if (attempt.status !== null && (!Number.isInteger(attempt.status) || attempt.status < 100 || attempt.status > 599)) {
    fail(`${field}.status`, attempt.status, 'an HTTP status between 100 and 599, or null');
  }
  optionalText(`${field}.errorClass`, attempt.errorClass);
  usage(`${field}.usage`, attempt.usage);
  cost(`${field}.cost`, attempt.cost);
  nonNegative(`${field}.latencyMs`, attempt.latencyMs, false);
  nonNegative(`${field}.timeToFirstTokenMs`, attempt.timeToFirstTokenMs, true);
  if (attempt.validation !== null) {
    text(`${field}.validation.validator`, attempt.validation.validator);
    if (typeof attempt.validation.passed !== 'boolean') fail(`${field}.validation.passed`, attempt.validation.passed, 'a boolean');
  }
}

export function validateOutcome(outcome: OutcomeRecord): void {
  if (typeof outcome !== 'object' || outcome === null) fail('outcome', outcome, 'an outcome record');
  const hasRequest = outcome.requestId !== undefined;
  const hasTask = outcome.taskId !== undefined;
  if (hasRequest === hasTask) fail('outcome.requestId/taskId', hasRequest ? 'both' : 'neither', 'exactly one of requestId or taskId');
  if (hasRequest) text('outcome.requestId', outcome.requestId);
  else text('outcome.taskId', outcome.taskId);
  if (typeof outcome.success !== 'boolean') fail('outcome.success', outcome.success, 'a boolean');
  if (outcome.score !== undefined && (typeof outcome.score !== 'number' || !Number.isFinite(outcome.score))) {
    fail('outcome.score', outcome.score, 'a finite number');
  }
  if (outcome.note !== undefined && (typeof outcome.note !== 'string' || outcome.note.includes('\u0000'))) {
    fail('outcome.note', outcome.note, 'a string without NUL characters');
  }
  if (!OUTCOME_SOURCES.includes(outcome.source)) fail('outcome.source', outcome.source, `one of ${OUTCOME_SOURCES.join(', ')}`);
  count('outcome.recordedAt', outcome.recordedAt);
}
