import { openAIChecker } from '../openai-chat/openai-checker.ts';
import type { Checker } from '../validation/issue.ts';
import { checkKnownFields, optionalEnum, optionalNumber, optionalString, requestBody, requireField, requiredString } from '../validation/read.ts';
import type { OpenAIEmbeddingsRequest } from './wire-types.ts';

const KNOWN_FIELDS = new Set(['model', 'input', 'dimensions', 'encoding_format', 'user']);
const MAX_INPUTS = 2048;

/** Checks a POST /v1/embeddings body as api.openai.com does; throws with OpenAI's 400 body. */
export function validateOpenAIEmbeddingsRequest(body: unknown, options: { unknownFields?: 'reject' | 'allow' } = {}): OpenAIEmbeddingsRequest {
  const checker = openAIChecker('openai-embeddings', options.unknownFields ?? 'reject');
  const request = requestBody(checker, body, 'We could not parse the JSON body of your request.');
  checkKnownFields(checker, request, KNOWN_FIELDS, []);
  requiredString(checker, request, 'model', []);
  checkInput(checker, requireField(checker, request, 'input', []));
  optionalNumber(checker, request, 'dimensions', [], { integer: true, minimum: 1 });
  optionalEnum(checker, request, 'encoding_format', [], ['float', 'base64']);
  optionalString(checker, request, 'user', []);
  return request as unknown as OpenAIEmbeddingsRequest;
}

function isTokenArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((token) => Number.isInteger(token) && (token as number) >= 0);
}

function invalidInput(checker: Checker): never {
  return checker.fail({ kind: 'custom', path: ['input'], message: "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference." });
}

function checkInput(checker: Checker, input: unknown): void {
  if (typeof input === 'string') {
    if (input === '') invalidInput(checker);
    return;
  }
  if (!Array.isArray(input) || input.length === 0) return invalidInput(checker);
  if (input.length > MAX_INPUTS) checker.fail({ kind: 'too_long', path: ['input'], limit: MAX_INPUTS, actual: input.length });
  if (isTokenArray(input)) return;
  for (const item of input) {
    if ((typeof item === 'string' && item !== '') || isTokenArray(item)) continue;
    invalidInput(checker);
  }
}

/** The inputs one by one: a single string or token array becomes a list of one. */
export function embeddingInputs(request: OpenAIEmbeddingsRequest): Array<string | number[]> {
  const input = request.input;
  if (typeof input === 'string') return [input];
  if (input.length > 0 && typeof input[0] === 'number') return [input as number[]];
  return input as Array<string | number[]>;
}
