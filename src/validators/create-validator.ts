import { FrugalError } from '../errors/frugal-error.ts';
import { allOf } from './all-of.ts';
import { ANSWER_KINDS, type AnswerKind } from './final-answer.ts';
import { jsonParseValidator } from './json-parse.ts';
import { jsonSchemaValidator } from './json-schema.ts';
import { lengthBoundsValidator } from './length-bounds.ts';
import { llmJudgeValidator } from './llm-judge.ts';
import { multipleChoiceValidator } from './multiple-choice.ts';
import { nonEmptyValidator } from './non-empty.ts';
import { refusalValidator } from './refusal.ts';
import { regexValidator } from './regex.ts';
import { selfConsistencyValidator } from './self-consistency.ts';
import type { Validator } from './validator.ts';
import { webhookValidator } from './webhook.ts';

/** A validator as a route's configuration states it. */
export type ValidatorSpec =
  | { type: 'json-parse'; name?: string; allowCodeFence?: boolean }
  | { type: 'json-schema'; name?: string; schema?: Record<string, unknown>; allowCodeFence?: boolean }
  | { type: 'regex'; name?: string; pattern: string; flags?: string; mustMatch?: boolean }
  | { type: 'non-empty'; name?: string; allowToolCalls?: boolean }
  | { type: 'refusal'; name?: string }
  | { type: 'length'; name?: string; min?: number; max?: number; unit?: 'chars' | 'tokens'; model?: string }
  | { type: 'multiple-choice'; name?: string; expected?: string }
  | { type: 'self-consistency'; name?: string; answer: AnswerKind; threshold: number; minAnswers?: number; sampleModels?: string[] }
  | { type: 'llm-judge'; name?: string; model: string; rubric: string; threshold: number; maxOutputTokens?: number }
  | { type: 'webhook'; name?: string; url: string; timeoutMs?: number; onError?: 'pass' | 'fail'; headers?: Record<string, string> }
  | { type: 'all-of'; name?: string; validators: ValidatorSpec[] };

export type ValidatorType = ValidatorSpec['type'];

type FieldKind = 'string' | 'boolean' | 'number' | 'object' | 'string-list' | 'string-map' | 'list' | readonly string[];

const FIELDS: Record<ValidatorType, Record<string, { kind: FieldKind; required?: true }>> = {
  'json-parse': { allowCodeFence: { kind: 'boolean' } },
  'json-schema': { schema: { kind: 'object' }, allowCodeFence: { kind: 'boolean' } },
  regex: { pattern: { kind: 'string', required: true }, flags: { kind: 'string' }, mustMatch: { kind: 'boolean' } },
  'non-empty': { allowToolCalls: { kind: 'boolean' } },
  refusal: {},
  length: { min: { kind: 'number' }, max: { kind: 'number' }, unit: { kind: ['chars', 'tokens'] }, model: { kind: 'string' } },
  'multiple-choice': { expected: { kind: 'string' } },
  'self-consistency': {
    answer: { kind: ANSWER_KINDS, required: true },
    threshold: { kind: 'number', required: true },
    minAnswers: { kind: 'number' },
    sampleModels: { kind: 'string-list' },
  },
  'llm-judge': {
    model: { kind: 'string', required: true },
    rubric: { kind: 'string', required: true },
    threshold: { kind: 'number', required: true },
    maxOutputTokens: { kind: 'number' },
  },
  webhook: {
    url: { kind: 'string', required: true },
    timeoutMs: { kind: 'number' },
    onError: { kind: ['pass', 'fail'] },
    headers: { kind: 'string-map' },
  },
  'all-of': { validators: { kind: 'list', required: true } },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fits(value: unknown, kind: FieldKind): boolean {
  if (typeof kind !== 'string') return typeof value === 'string' && kind.includes(value);
  switch (kind) {
    case 'string':
    case 'boolean':
      return typeof value === kind;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return isRecord(value);
    case 'string-list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
    case 'string-map':
      return isRecord(value) && Object.values(value).every((item) => typeof item === 'string');
    case 'list':
      return Array.isArray(value);
  }
}

function describe(kind: FieldKind): string {
  if (typeof kind !== 'string') return `one of ${kind.map((value) => JSON.stringify(value)).join(', ')}`;
  const names: Record<string, string> = { 'string-list': 'a list of model names', 'string-map': 'an object of string values', list: 'a list', object: 'an object', number: 'a finite number' };
  return names[kind] ?? `a ${kind}`;
}

function invalid(path: string, message: string): FrugalError {
  return new FrugalError('FRUGAL_INVALID_CONFIG', `${path}: ${message}`, { field: path });
}

/**
 * Builds a validator from its route configuration, e.g. `{ type: 'regex', pattern: '^OK' }`.
 * Every problem is a FRUGAL_INVALID_CONFIG naming the field (`path` prefixes it, e.g.
 * `routes.support.validators[1]`).
 */
export function createValidator(spec: unknown, path = 'validator'): Validator {
  if (!isRecord(spec)) throw invalid(path, `must be an object with a "type", got ${JSON.stringify(spec)}`);
  const type = spec.type;
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) {
    throw invalid(`${path}.type`, `must be one of ${Object.keys(FIELDS).join(', ')}, got ${JSON.stringify(type)}`);
  }
  const fields = FIELDS[type as ValidatorType];
  for (const [field, value] of Object.entries(spec)) {
    if (field === 'type') continue;
    if (field === 'name') {
      if (typeof value !== 'string' || value === '') throw invalid(`${path}.name`, `must be a non-empty string, got ${JSON.stringify(value)}`);
      continue;
    }
    const rule = fields[field];
    if (rule === undefined) {
      const known = ['name', ...Object.keys(fields)].join(', ');
      throw invalid(`${path}.${field}`, `is not a field of a ${type} validator (fields: ${known})`);
    }
    if (!fits(value, rule.kind)) throw invalid(`${path}.${field}`, `must be ${describe(rule.kind)}, got ${JSON.stringify(value)}`);
  }
  for (const [field, rule] of Object.entries(fields)) {
    if (rule.required && spec[field] === undefined) throw invalid(`${path}.${field}`, `is required for a ${type} validator`);
  }
  const checked = spec as ValidatorSpec;
  if (checked.type === 'all-of') {
    if (checked.validators.length === 0) throw invalid(`${path}.validators`, 'must list at least one validator');
    const inner = checked.validators.map((innerSpec, index) => createValidator(innerSpec, `${path}.validators[${index}]`));
    return allOf(inner, checked.name);
  }
  try {
    return build(checked);
  } catch (error) {
    if (FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_CONFIG') {
      throw new FrugalError('FRUGAL_INVALID_CONFIG', `${path}: ${error.message}`, error.details);
    }
    throw error;
  }
}

function build(spec: Exclude<ValidatorSpec, { type: 'all-of' }>): Validator {
  switch (spec.type) {
    case 'json-parse':
      return jsonParseValidator(spec);
    case 'json-schema':
      return jsonSchemaValidator(spec);
    case 'regex':
      return regexValidator(spec);
    case 'non-empty':
      return nonEmptyValidator(spec);
    case 'refusal':
      return refusalValidator(spec);
    case 'length':
      return lengthBoundsValidator(spec);
    case 'multiple-choice':
      return multipleChoiceValidator(spec);
    case 'self-consistency':
      return selfConsistencyValidator(spec);
    case 'llm-judge':
      return llmJudgeValidator(spec);
    case 'webhook':
      return webhookValidator(spec);
  }
}
