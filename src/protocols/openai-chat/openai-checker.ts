import type { FrugalError } from '../../errors/frugal-error.ts';
import { openAIError } from '../errors/openai-error-body.ts';
import { protocolError } from '../errors/protocol-error.ts';
import { jsonTypeOf, type Checker, type ExpectedType, type PathSegment, type ValidationIssue } from '../validation/issue.ts';

/** `messages[0].content[1].image_url`: OpenAI's parameter notation. */
function openAIPath(path: PathSegment[]): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  return text;
}

const EXPECTED: Record<ExpectedType, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  'string or array': 'one of a string or array',
  'string or array of objects': 'one of a string or array of objects',
};

const ACTUAL: Record<ReturnType<typeof jsonTypeOf>, string> = {
  null: 'null',
  string: 'a string',
  integer: 'an integer',
  decimal: 'a decimal',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
};

function quoteList(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

/** Words an issue the way api.openai.com does, with its `param` and `code`. */
function describe(issue: ValidationIssue): { message: string; code: string | null; param: string | null } {
  const param = openAIPath(issue.path);
  switch (issue.kind) {
    case 'missing':
      return { message: `Missing required parameter: '${param}'.`, code: 'missing_required_parameter', param };
    case 'type':
      return {
        message: `Invalid type for '${param}': expected ${EXPECTED[issue.expected]}, but got ${ACTUAL[jsonTypeOf(issue.actual)]} instead.`,
        code: 'invalid_type',
        param,
      };
    case 'value':
      return {
        message: `Invalid value: '${String(issue.actual)}'. Supported values are: ${quoteList(issue.allowed)}.`,
        code: 'invalid_value',
        param,
      };
    case 'minimum':
    case 'maximum': {
      const unit = issue.integer ? 'integer' : 'decimal';
      const below = issue.kind === 'minimum';
      return {
        message: `Invalid '${param}': ${unit} ${below ? 'below minimum' : 'above maximum'} value. Expected a value ${below ? '>=' : '<='} ${issue.limit}, but got ${issue.actual} instead.`,
        code: `${unit}_${below ? 'below_min' : 'above_max'}_value`,
        param,
      };
    }
    case 'empty':
      return {
        message: `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
        code: 'empty_array',
        param,
      };
    case 'too_long':
      return {
        message: `Invalid '${param}': array too long. Expected an array with maximum length ${issue.limit}, but got an array with length ${issue.actual} instead.`,
        code: 'array_above_max_length',
        param,
      };
    case 'unknown':
      return { message: `Unrecognized request argument supplied: ${param}`, code: null, param: null };
    case 'custom':
      return { message: issue.message, code: null, param: param === '' ? null : param };
  }
}

function openAIIssueError(issue: ValidationIssue, protocol: 'openai-chat' | 'openai-embeddings'): FrugalError {
  const described = describe(issue);
  const { status, body } = openAIError({ kind: 'invalid_request', message: described.message, param: described.param, code: described.code });
  return protocolError(described.message, { protocol, status, body, ...(described.param === null ? {} : { param: described.param }) });
}

export function openAIChecker(protocol: 'openai-chat' | 'openai-embeddings', unknownFields: 'reject' | 'allow'): Checker {
  return {
    unknownFields,
    fail(issue: ValidationIssue): never {
      throw openAIIssueError(issue, protocol);
    },
  };
}
