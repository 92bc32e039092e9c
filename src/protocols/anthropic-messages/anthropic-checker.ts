import { anthropicError } from '../errors/anthropic-error-body.ts';
import { protocolError } from '../errors/protocol-error.ts';
import type { Checker, ExpectedType, PathSegment, ValidationIssue } from '../validation/issue.ts';

/** `messages.0.content.1.source`: Anthropic's (pydantic) location notation. */
function anthropicPath(path: PathSegment[]): string {
  return path.join('.');
}

const EXPECTED: Record<ExpectedType, string> = {
  string: 'a valid string',
  integer: 'a valid integer',
  number: 'a valid number',
  boolean: 'a valid boolean',
  object: 'a valid dictionary or object to extract fields from',
  array: 'a valid list',
  'string or array': 'a valid string or a valid list',
  'string or array of objects': 'a valid string or a valid list',
};

function quoteAlternatives(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function describe(issue: ValidationIssue): string {
  const location = anthropicPath(issue.path);
  switch (issue.kind) {
    case 'missing':
      return `${location}: Field required`;
    case 'type':
      return `${location}: Input should be ${EXPECTED[issue.expected]}`;
    case 'value':
      return `${location}: Input should be ${quoteAlternatives(issue.allowed)}`;
    case 'minimum':
      return `${location}: Input should be greater than or equal to ${issue.limit}`;
    case 'maximum':
      return `${location}: Input should be less than or equal to ${issue.limit}`;
    case 'empty':
      return `${location}: List should have at least 1 item after validation, not 0`;
    case 'too_long':
      return `${location}: List should have at most ${issue.limit} items after validation, not ${issue.actual}`;
    case 'unknown':
      return `${location}: Extra inputs are not permitted`;
    case 'custom':
      return issue.message;
  }
}

export function anthropicChecker(unknownFields: 'reject' | 'allow', requestId?: string): Checker {
  return {
    unknownFields,
    fail(issue: ValidationIssue): never {
      const message = describe(issue);
      const { status, body } = anthropicError({ kind: 'invalid_request', message, ...(requestId === undefined ? {} : { requestId }) });
      throw protocolError(message, { protocol: 'anthropic-messages', status, body, param: anthropicPath(issue.path) });
    },
  };
}
