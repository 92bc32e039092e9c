import { geminiError } from '../errors/gemini-error-body.ts';
import { protocolError } from '../errors/protocol-error.ts';
import type { Checker, ExpectedType, PathSegment, ValidationIssue } from '../validation/issue.ts';

const CAPITAL = /[A-Z]/g;

/** `contents[0].parts[1].inline_data`: Google's field paths use the proto (snake_case) names. */
export function geminiPath(path: PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += (text === '' ? '' : '.') + segment.replace(CAPITAL, (letter) => `_${letter.toLowerCase()}`);
  }
  return text;
}

const PROTO_TYPES: Record<ExpectedType, string> = {
  string: 'TYPE_STRING',
  integer: 'TYPE_INT32',
  number: 'TYPE_FLOAT',
  boolean: 'TYPE_BOOL',
  object: 'TYPE_MESSAGE',
  array: 'TYPE_MESSAGE',
  'string or array': 'TYPE_STRING',
  'string or array of objects': 'TYPE_MESSAGE',
};

function lastName(path: PathSegment[]): string {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const segment = path[index];
    if (typeof segment === 'string') return geminiPath([segment]);
  }
  return 'request';
}

function describe(issue: ValidationIssue, requestName: string): string {
  const location = geminiPath(issue.path);
  switch (issue.kind) {
    case 'missing':
    case 'empty':
      return `* ${requestName}.${location}: ${lastName(issue.path)} is not specified\n`;
    case 'type':
      return `Invalid value at '${location}' (${PROTO_TYPES[issue.expected]}), ${JSON.stringify(issue.actual)}`;
    case 'value':
      return `Invalid value at '${location}' (enum), ${JSON.stringify(issue.actual)}`;
    case 'minimum':
      return `* ${requestName}.${location}: ${lastName(issue.path)} must be greater than or equal to ${issue.limit}\n`;
    case 'maximum':
      return `* ${requestName}.${location}: ${lastName(issue.path)} must be less than or equal to ${issue.limit}\n`;
    case 'too_long':
      return `* ${requestName}.${location}: at most ${issue.limit} entries are allowed, got ${issue.actual}\n`;
    case 'unknown': {
      const name = issue.path[issue.path.length - 1];
      const parent = geminiPath(issue.path.slice(0, -1));
      return `Invalid JSON payload received. Unknown name ${JSON.stringify(name)}${parent === '' ? '' : ` at '${parent}'`}: Cannot find field.`;
    }
    case 'custom':
      return issue.message;
  }
}

/** `requestName` is the proto message the API names in its messages (GenerateContentRequest, CountTokensRequest). */
export function geminiChecker(unknownFields: 'reject' | 'allow', requestName: string): Checker {
  return {
    unknownFields,
    fail(issue: ValidationIssue): never {
      const message = describe(issue, requestName);
      const { status, body } = geminiError({ kind: 'invalid_request', message });
      throw protocolError(message, { protocol: 'gemini', status, body, param: geminiPath(issue.path) });
    },
  };
}
