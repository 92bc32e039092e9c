/**
 * Checks records when they are handed to the ledger, so a malformed record is refused on the
 * caller's stack instead of failing a whole batch later in the background writer. This runs
 * on the gateway's hot path: checks are plain predicates, and a field's name is only spelled
 * out when it fails.
 */
import { PRICING_MODES } from '../catalog/types.ts';
import { FrugalError } from '../errors/frugal-error.ts';
import { BUCKET_NAMES, type UsageBuckets } from '../usage/buckets.ts';
import {
  ATTEMPT_KINDS, CACHE_STATUSES, OUTCOME_SOURCES,
  type AttemptRecord, type OutcomeRecord, type RecordedCost, type RequestRecord,
} from './records.ts';

const TEXT = 'a non-empty string without NUL characters';
const OPTIONAL_TEXT = `${TEXT}, or null`;
const COUNT = 'a safe integer ≥ 0';
const OPTIONAL_COUNT = `${COUNT}, or null`;
const DURATION = 'a finite number ≥ 0';
const OPTIONAL_DURATION = `${DURATION}, or null`;

function fail(field: string, value: unknown, expected: string): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : String(value);
  throw new FrugalError('FRUGAL_INVALID_RECORD', `${field} is ${shown}; expected ${expected}`, { field });
}

/** PostgreSQL cannot store NUL in text, and a record that can never be stored would block its batch. */
const isText = (value: unknown): boolean => typeof value === 'string' && value !== '' && !value.includes('\u0000');
const isOptionalText = (value: unknown): boolean => value === null || isText(value);
/** Tokens, pico-USD amounts and epoch milliseconds: whole and exact. */
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isOptionalCount = (value: unknown): boolean => value === null || isCount(value);
/** A duration or quantity: finite, not negative, fractions allowed. */
const isDuration = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isOptionalDuration = (value: unknown): boolean => value === null || isDuration(value);
const isStatus = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599;

function usage(field: string, buckets: UsageBuckets): void {
  if (typeof buckets !== 'object' || buckets === null) fail(field, buckets, 'usage buckets');
  for (const name of BUCKET_NAMES) if (!isCount(buckets[name])) fail(`${field}.${name}`, buckets[name], COUNT);
}

function cost(field: string, value: RecordedCost): void {
  if (typeof value !== 'object' || value === null) fail(field, value, 'a cost object');
  if (!Array.isArray(value.lines)) fail(`${field}.lines`, value.lines, 'an array of cost lines');
  let sum = 0;
  let priced = true;
  for (let index = 0; index < value.lines.length; index += 1) {
    const line = value.lines[index]!;
    if (!isText(line.item)) fail(`${field}.lines[${index}].item`, line.item, TEXT);
    if (!isDuration(line.quantity)) fail(`${field}.lines[${index}].quantity`, line.quantity, DURATION);
    if (!isOptionalCount(line.unitPicoUsd)) fail(`${field}.lines[${index}].unitPicoUsd`, line.unitPicoUsd, OPTIONAL_COUNT);
    if (!isOptionalCount(line.amountPicoUsd)) fail(`${field}.lines[${index}].amountPicoUsd`, line.amountPicoUsd, OPTIONAL_COUNT);
    if (line.amountPicoUsd === null) priced = false;
    else sum += line.amountPicoUsd;
  }
  if (!isCount(value.totalPicoUsd)) fail(`${field}.totalPicoUsd`, value.totalPicoUsd, COUNT);
  if (value.totalPicoUsd !== sum) fail(`${field}.totalPicoUsd`, value.totalPicoUsd, `the sum of the priced lines, ${sum}`);
  if (value.complete !== priced) fail(`${field}.complete`, value.complete, `${priced} (${priced ? 'every' : 'not every'} line is priced)`);
  if (!isOptionalText(value.catalogVersion)) fail(`${field}.catalogVersion`, value.catalogVersion, OPTIONAL_TEXT);
  if (value.pricingMode !== null && !PRICING_MODES.includes(value.pricingMode)) {
    fail(`${field}.pricingMode`, value.pricingMode, `one of ${PRICING_MODES.join(', ')} or null`);
  }
}

export function validateRequest(request: RequestRecord): void {
  if (typeof request !== 'object' || request === null) fail('request', request, 'a request record');
  if (!isText(request.id)) fail('request.id', request.id, TEXT);
  if (!isCount(request.startedAt)) fail('request.startedAt', request.startedAt, 'epoch milliseconds');
  if (!isCount(request.finishedAt) || request.finishedAt < request.startedAt) {
    fail('request.finishedAt', request.finishedAt, `epoch milliseconds ≥ startedAt (${request.startedAt})`);
  }
  if (!isText(request.clientProtocol)) fail('request.clientProtocol', request.clientProtocol, TEXT);
  if (!isOptionalText(request.provider)) fail('request.provider', request.provider, OPTIONAL_TEXT);
  if (!isText(request.modelRequested)) fail('request.modelRequested', request.modelRequested, TEXT);
  if (!isOptionalText(request.modelServed)) fail('request.modelServed', request.modelServed, OPTIONAL_TEXT);
  if (!isOptionalText(request.route)) fail('request.route', request.route, OPTIONAL_TEXT);
  if (!isStatus(request.status)) fail('request.status', request.status, 'an HTTP status between 100 and 599');
  if (!isOptionalText(request.errorClass)) fail('request.errorClass', request.errorClass, OPTIONAL_TEXT);
  if (typeof request.streamed !== 'boolean') fail('request.streamed', request.streamed, 'a boolean');
  usage('request.usage', request.usage);
  cost('request.cost', request.cost);
  if (!isText(request.baselineModel)) fail('request.baselineModel', request.baselineModel, TEXT);
  if (!isOptionalCount(request.baselineCostPicoUsd)) fail('request.baselineCostPicoUsd', request.baselineCostPicoUsd, OPTIONAL_COUNT);
  if (!isOptionalDuration(request.timeToFirstTokenMs)) fail('request.timeToFirstTokenMs', request.timeToFirstTokenMs, OPTIONAL_DURATION);
  if (!isDuration(request.latencyMs)) fail('request.latencyMs', request.latencyMs, DURATION);
  if (!isOptionalDuration(request.upstreamLatencyMs)) fail('request.upstreamLatencyMs', request.upstreamLatencyMs, OPTIONAL_DURATION);
  const attribution = request.attribution;
  if (typeof attribution !== 'object' || attribution === null) fail('request.attribution', attribution, 'an attribution object');
  if (!isOptionalText(attribution.feature)) fail('request.attribution.feature', attribution.feature, OPTIONAL_TEXT);
  if (!isOptionalText(attribution.user)) fail('request.attribution.user', attribution.user, OPTIONAL_TEXT);
  if (!isOptionalText(attribution.customer)) fail('request.attribution.customer', attribution.customer, OPTIONAL_TEXT);
  if (!isOptionalText(attribution.task)) fail('request.attribution.task', attribution.task, OPTIONAL_TEXT);
  if (!isOptionalText(attribution.session)) fail('request.attribution.session', attribution.session, OPTIONAL_TEXT);
  const properties = attribution.properties;
  if (typeof properties !== 'object' || properties === null) fail('request.attribution.properties', properties, 'an object of strings');
  for (const name in properties) {
    if (!isText(name)) fail('request.attribution.properties name', name, TEXT);
    const value = properties[name];
    if (typeof value !== 'string' || value.includes('\u0000')) {
      fail(`request.attribution.properties.${name}`, value, 'a string without NUL characters');
    }
  }
  const cache = request.cache;
  if (cache !== null) {
    if (!CACHE_STATUSES.includes(cache.status)) fail('request.cache.status', cache.status, `one of ${CACHE_STATUSES.join(', ')}`);
    if (!isOptionalCount(cache.avoidedCostPicoUsd)) fail('request.cache.avoidedCostPicoUsd', cache.avoidedCostPicoUsd, OPTIONAL_COUNT);
    if (!isOptionalDuration(cache.similarity)) fail('request.cache.similarity', cache.similarity, OPTIONAL_DURATION);
  }
}

export function validateAttempt(attempt: AttemptRecord, request: RequestRecord, position: number): void {
  const field = (name: string) => `attempts[${position}]${name}`;
  if (typeof attempt !== 'object' || attempt === null) fail(field(''), attempt, 'an attempt record');
  if (!isText(attempt.id)) fail(field('.id'), attempt.id, TEXT);
  if (attempt.requestId !== request.id) fail(field('.requestId'), attempt.requestId, `the request's id ${JSON.stringify(request.id)}`);
  if (!isCount(attempt.index)) fail(field('.index'), attempt.index, COUNT);
  if (!ATTEMPT_KINDS.includes(attempt.kind)) fail(field('.kind'), attempt.kind, `one of ${ATTEMPT_KINDS.join(', ')}`);
  if (!isText(attempt.provider)) fail(field('.provider'), attempt.provider, TEXT);
  if (!isText(attempt.model)) fail(field('.model'), attempt.model, TEXT);
  if (!isOptionalText(attempt.deployment)) fail(field('.deployment'), attempt.deployment, OPTIONAL_TEXT);
  if (attempt.status !== null && !isStatus(attempt.status)) {
    fail(field('.status'), attempt.status, 'an HTTP status between 100 and 599, or null');
  }
  if (!isOptionalText(attempt.errorClass)) fail(field('.errorClass'), attempt.errorClass, OPTIONAL_TEXT);
  usage(field('.usage'), attempt.usage);
  cost(field('.cost'), attempt.cost);
  if (!isDuration(attempt.latencyMs)) fail(field('.latencyMs'), attempt.latencyMs, DURATION);
  if (!isOptionalDuration(attempt.timeToFirstTokenMs)) fail(field('.timeToFirstTokenMs'), attempt.timeToFirstTokenMs, OPTIONAL_DURATION);
  const validation = attempt.validation;
  if (validation !== null) {
    if (!isText(validation.validator)) fail(field('.validation.validator'), validation.validator, TEXT);
    if (typeof validation.passed !== 'boolean') fail(field('.validation.passed'), validation.passed, 'a boolean');
  }
}

export function validateOutcome(outcome: OutcomeRecord): void {
  if (typeof outcome !== 'object' || outcome === null) fail('outcome', outcome, 'an outcome record');
  const hasRequest = outcome.requestId !== undefined;
  const hasTask = outcome.taskId !== undefined;
  if (hasRequest === hasTask) fail('outcome.requestId/taskId', hasRequest ? 'both' : 'neither', 'exactly one of requestId or taskId');
  if (hasRequest && !isText(outcome.requestId)) fail('outcome.requestId', outcome.requestId, TEXT);
  if (hasTask && !isText(outcome.taskId)) fail('outcome.taskId', outcome.taskId, TEXT);
  if (typeof outcome.success !== 'boolean') fail('outcome.success', outcome.success, 'a boolean');
  if (outcome.score !== undefined && (typeof outcome.score !== 'number' || !Number.isFinite(outcome.score))) {
    fail('outcome.score', outcome.score, 'a finite number');
  }
  if (outcome.note !== undefined && (typeof outcome.note !== 'string' || outcome.note.includes('\u0000'))) {
    fail('outcome.note', outcome.note, 'a string without NUL characters');
  }
  if (!OUTCOME_SOURCES.includes(outcome.source)) fail('outcome.source', outcome.source, `one of ${OUTCOME_SOURCES.join(', ')}`);
  if (!isCount(outcome.recordedAt)) fail('outcome.recordedAt', outcome.recordedAt, 'epoch milliseconds');
}
