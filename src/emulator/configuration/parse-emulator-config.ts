import { parse as parseYaml } from 'yaml';
import { FrugalError } from '../../errors/frugal-error.ts';
import { parseFaultPlan } from '../faults/fault-plan.ts';
import type { LatencyConfiguration } from '../latency-model.ts';
import type { EmulatorOptions } from './emulator-options.ts';

type Fields = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new FrugalError('FRUGAL_INVALID_CONFIG', `${path}: ${message}`);
}

function objectAt(value: unknown, path: string, field: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, `${field} must be an object`);
  return value as Fields;
}

function numbersAt(value: unknown, path: string, field: string, names: readonly string[]): Record<string, number> {
  const fields = objectAt(value, path, field);
  const result: Record<string, number> = {};
  for (const [name, item] of Object.entries(fields)) {
    if (!names.includes(name)) fail(path, `${field}.${name} is not a known setting (expected one of ${names.join(', ')})`);
    if (typeof item !== 'number' || !(item >= 0)) fail(path, `${field}.${name} must be a non-negative number`);
    result[name] = item;
  }
  return result;
}

function stringMap(value: unknown, path: string, field: string): Record<string, string> {
  const fields = objectAt(value, path, field);
  for (const [name, item] of Object.entries(fields)) {
    if (typeof item !== 'string') fail(path, `${field}.${name} must be a string`);
  }
  return fields as Record<string, string>;
}

function parseLatency(value: unknown, path: string): LatencyConfiguration {
  if (value === 'zero' || value === 'realistic') return { mode: value };
  const fields = objectAt(value, path, 'latency');
  const mode = fields.mode ?? 'realistic';
  if (mode !== 'zero' && mode !== 'realistic') fail(path, `latency.mode must be "realistic" or "zero", got ${JSON.stringify(mode)}`);
  const latency: LatencyConfiguration = { mode };
  if (fields.jitter !== undefined) {
    if (typeof fields.jitter !== 'number' || fields.jitter < 0) fail(path, 'latency.jitter must be a non-negative number');
    latency.jitter = fields.jitter;
  }
  if (fields.models !== undefined) {
    const models = objectAt(fields.models, path, 'latency.models');
    latency.models = {};
    for (const [model, profile] of Object.entries(models)) {
      latency.models[model] = numbersAt(profile, path, `latency.models.${model}`, ['timeToFirstTokenMilliseconds', 'tokensPerSecond']);
    }
  }
  return latency;
}

const SECTIONS = ['seed', 'latency', 'answers', 'faults', 'rateLimits', 'batches', 'promptCache', 'bodyMemo', 'replay'];

/**
 * Parses an emulator config file (YAML or JSON; JSON is YAML). Sections, all optional:
 * seed, latency, answers.medianOutputTokens, faults, rateLimits, batches, promptCache, bodyMemo, replay.
 */
export function parseEmulatorConfig(text: string, path: string): EmulatorOptions {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    fail(path, `not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (document === null || document === undefined) return {};
  const fields = objectAt(document, path, 'the document');
  const options: EmulatorOptions = {};
  for (const key of Object.keys(fields)) {
    if (!SECTIONS.includes(key)) fail(path, `unknown section "${key}" (expected one of ${SECTIONS.join(', ')})`);
  }
  if (fields.seed !== undefined) {
    if (!Number.isSafeInteger(fields.seed)) fail(path, 'seed must be an integer');
    options.seed = fields.seed as number;
  }
  if (fields.latency !== undefined) options.latency = parseLatency(fields.latency, path);
  if (fields.answers !== undefined) {
    const answers = objectAt(fields.answers, path, 'answers');
    if (answers.medianOutputTokens !== undefined) {
      const medians = objectAt(answers.medianOutputTokens, path, 'answers.medianOutputTokens');
      for (const [model, median] of Object.entries(medians)) {
        if (typeof median !== 'number' || !(median >= 1)) fail(path, `answers.medianOutputTokens.${model} must be a number ≥ 1`);
      }
      options.answers = { medianOutputTokens: medians as Record<string, number> };
    }
  }
  if (fields.faults !== undefined) options.faults = parseFaultPlan(fields.faults, `${path}: faults`);
  if (fields.rateLimits !== undefined) {
    const limits = objectAt(fields.rateLimits, path, 'rateLimits');
    const { enforce, ...counts } = limits;
    if (enforce !== undefined && typeof enforce !== 'boolean') fail(path, 'rateLimits.enforce must be true or false');
    options.rateLimits = numbersAt(counts, path, 'rateLimits', ['requestsPerMinute', 'tokensPerMinute']);
    if (enforce !== undefined) options.rateLimits.enforce = enforce as boolean;
  }
  if (fields.batches !== undefined) {
    options.batches = numbersAt(fields.batches, path, 'batches', ['completionDelayMilliseconds', 'expireAfterMilliseconds']);
  }
  if (fields.promptCache !== undefined) {
    options.promptCache = numbersAt(fields.promptCache, path, 'promptCache', ['maximumNamespaces', 'maximumEntriesPerNamespace']);
  }
  if (fields.bodyMemo !== undefined) {
    options.bodyMemo = numbersAt(fields.bodyMemo, path, 'bodyMemo', ['maximumEntries', 'maximumBytes', 'maximumBodyBytes']);
  }
  if (fields.replay !== undefined) {
    const replay = objectAt(fields.replay, path, 'replay');
    if (typeof replay.file !== 'string' || replay.file === '') fail(path, 'replay.file must name an outcomes dataset (JSONL)');
    options.replay = { file: replay.file };
    if (replay.models !== undefined) options.replay.models = stringMap(replay.models, path, 'replay.models');
  }
  return options;
}
