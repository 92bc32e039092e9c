import type { Checker, PathSegment } from '../validation/issue.ts';
import {
  checkNumber,
  expectArray,
  expectObject,
  isAbsent,
  optionalBoolean,
  optionalEnum,
  optionalNumber,
  optionalString,
  requireField,
  requiredString,
  type JsonObject,
} from '../validation/read.ts';
import { geminiChecker, geminiPath } from './gemini-checker.ts';
import { protoObject } from './proto-object.ts';
import {
  GEMINI_CALLING_MODES,
  GEMINI_THINKING_LEVELS,
  type GeminiCountTokensRequest,
  type GeminiGenerateContentRequest,
} from './wire-types.ts';

const REQUEST_FIELDS = new Set([
  'contents', 'systemInstruction', 'tools', 'toolConfig', 'safetySettings', 'generationConfig', 'cachedContent',
  'serviceTier', 'labels', 'model',
]);
const CONTENT_FIELDS = new Set(['role', 'parts']);
const PART_FIELDS = new Set([
  'text', 'thought', 'thoughtSignature', 'inlineData', 'fileData', 'functionCall', 'functionResponse', 'executableCode',
  'codeExecutionResult', 'videoMetadata', 'partMetadata', 'mediaResolution', 'toolCall', 'toolResponse',
]);
const PART_DATA = ['text', 'inlineData', 'fileData', 'functionCall', 'functionResponse', 'executableCode', 'codeExecutionResult', 'toolCall', 'toolResponse'];
const BLOB_FIELDS = new Set(['mimeType', 'data', 'displayName']);
const FILE_DATA_FIELDS = new Set(['mimeType', 'fileUri', 'displayName']);
const FUNCTION_CALL_FIELDS = new Set(['name', 'args', 'id', 'partialArgs', 'willContinue']);
const FUNCTION_RESPONSE_FIELDS = new Set(['name', 'response', 'id', 'parts', 'willContinue', 'scheduling']);
const TOOL_FIELDS = new Set([
  'functionDeclarations', 'googleSearch', 'googleSearchRetrieval', 'codeExecution', 'urlContext', 'computerUse',
  'fileSearch', 'googleMaps', 'mcpServers', 'enterpriseWebSearch', 'retrieval', 'exaAiSearch', 'parallelAiSearch',
]);
const DECLARATION_FIELDS = new Set(['name', 'description', 'parameters', 'parametersJsonSchema', 'response', 'responseJsonSchema', 'behavior']);
const TOOL_CONFIG_FIELDS = new Set(['functionCallingConfig', 'retrievalConfig', 'includeServerSideToolInvocations']);
const CALLING_FIELDS = new Set(['mode', 'allowedFunctionNames', 'streamFunctionCallArguments']);
const GENERATION_FIELDS = new Set([
  'stopSequences', 'responseMimeType', 'responseSchema', 'responseJsonSchema', 'candidateCount', 'maxOutputTokens',
  'temperature', 'topP', 'topK', 'seed', 'presencePenalty', 'frequencyPenalty', 'responseLogprobs', 'logprobs',
  'thinkingConfig', 'responseModalities', 'mediaResolution', 'speechConfig', 'enableEnhancedCivicAnswers',
  'audioTimestamp', 'routingConfig', 'modelSelectionConfig', 'enableAffectiveDialog',
]);
const THINKING_FIELDS = new Set(['includeThoughts', 'thinkingBudget', 'thinkingLevel']);

export interface GeminiValidationOptions {
  unknownFields?: 'reject' | 'allow';
}

/**
 * Checks a `:generateContent` / `:streamGenerateContent` body as the Gemini API does and
 * returns it with camelCase field names; throws with Google's 400 INVALID_ARGUMENT body.
 */
export function validateGeminiGenerateContentRequest(body: unknown, options: GeminiValidationOptions = {}): GeminiGenerateContentRequest {
  const checker = geminiChecker(options.unknownFields ?? 'reject', 'GenerateContentRequest');
  return checkGenerateContent(checker, body, []);
}

/** Checks a `:countTokens` body (bare `contents` or a `generateContentRequest`). */
export function validateGeminiCountTokensRequest(body: unknown, options: GeminiValidationOptions = {}): GeminiCountTokensRequest {
  const checker = geminiChecker(options.unknownFields ?? 'reject', 'CountTokensRequest');
  const request = protoObject(checker, body, [], new Set(['contents', 'generateContentRequest']));
  if (!isAbsent(request['generateContentRequest'])) {
    return { generateContentRequest: checkGenerateContent(checker, request['generateContentRequest'], ['generateContentRequest']) as GeminiCountTokensRequest['generateContentRequest'] & object };
  }
  const contents = expectArray(checker, requireField(checker, request, 'contents', []), ['contents']);
  return { contents: contents.map((content, index) => checkContent(checker, content, ['contents', index])) as unknown as GeminiGenerateContentRequest['contents'] };
}

function checkGenerateContent(checker: Checker, body: unknown, path: PathSegment[]): GeminiGenerateContentRequest {
  const request = protoObject(checker, body, path, REQUEST_FIELDS);
  const contents = expectArray(checker, requireField(checker, request, 'contents', path), [...path, 'contents']);
  if (contents.length === 0) checker.fail({ kind: 'empty', path: [...path, 'contents'] });
  request['contents'] = contents.map((content, index) => checkContent(checker, content, [...path, 'contents', index]));
  if (!isAbsent(request['systemInstruction'])) {
    request['systemInstruction'] = checkContent(checker, request['systemInstruction'], [...path, 'systemInstruction']);
  }
  if (!isAbsent(request['tools'])) {
    request['tools'] = expectArray(checker, request['tools'], [...path, 'tools']).map((tool, index) => checkTool(checker, tool, [...path, 'tools', index]));
  }
  if (!isAbsent(request['toolConfig'])) request['toolConfig'] = checkToolConfig(checker, request['toolConfig'], [...path, 'toolConfig']);
  if (!isAbsent(request['generationConfig'])) {
    request['generationConfig'] = checkGenerationConfig(checker, request['generationConfig'], [...path, 'generationConfig']);
  }
  optionalString(checker, request, 'cachedContent', path);
  optionalString(checker, request, 'serviceTier', path);
  if (!isAbsent(request['safetySettings'])) expectArray(checker, request['safetySettings'], [...path, 'safetySettings']);
  return request as GeminiGenerateContentRequest;
}

function checkContent(checker: Checker, value: unknown, path: PathSegment[]): JsonObject {
  const content = protoObject(checker, value, path, CONTENT_FIELDS);
  const role = optionalString(checker, content, 'role', path);
  if (role !== undefined && role !== 'user' && role !== 'model' && role !== 'function') {
    checker.fail({ kind: 'custom', path: [...path, 'role'], message: 'Please use a valid role: user, model.' });
  }
  const parts = expectArray(checker, requireField(checker, content, 'parts', path), [...path, 'parts']);
  if (parts.length === 0) {
    checker.fail({ kind: 'custom', path: [...path, 'parts'], message: `* GenerateContentRequest.${geminiPath(path)}.parts: contents.parts must not be empty.\n` });
  }
  content['parts'] = parts.map((part, index) => checkPart(checker, part, [...path, 'parts', index]));
  return content;
}

function checkPart(checker: Checker, value: unknown, path: PathSegment[]): JsonObject {
  const part = protoObject(checker, value, path, PART_FIELDS);
  const present = PART_DATA.filter((field) => part[field] !== undefined);
  if (present.length !== 1) {
    checker.fail({
      kind: 'custom',
      path: [...path, 'data'],
      message: `* GenerateContentRequest.${geminiPath(path)}.data: required oneof field 'data' must have one initialized field\n`,
    });
  }
  optionalString(checker, part, 'text', path);
  optionalBoolean(checker, part, 'thought', path);
  optionalString(checker, part, 'thoughtSignature', path);
  if (part['inlineData'] !== undefined) {
    const blob = protoObject(checker, part['inlineData'], [...path, 'inlineData'], BLOB_FIELDS);
    requiredString(checker, blob, 'mimeType', [...path, 'inlineData']);
    requiredString(checker, blob, 'data', [...path, 'inlineData']);
    part['inlineData'] = blob;
  }
  if (part['fileData'] !== undefined) {
    const file = protoObject(checker, part['fileData'], [...path, 'fileData'], FILE_DATA_FIELDS);
    requiredString(checker, file, 'fileUri', [...path, 'fileData']);
    part['fileData'] = file;
  }
  if (part['functionCall'] !== undefined) {
    const call = protoObject(checker, part['functionCall'], [...path, 'functionCall'], FUNCTION_CALL_FIELDS);
    requiredString(checker, call, 'name', [...path, 'functionCall']);
    if (!isAbsent(call['args'])) expectObject(checker, call['args'], [...path, 'functionCall', 'args']);
    part['functionCall'] = call;
  }
  if (part['functionResponse'] !== undefined) {
    const response = protoObject(checker, part['functionResponse'], [...path, 'functionResponse'], FUNCTION_RESPONSE_FIELDS);
    requiredString(checker, response, 'name', [...path, 'functionResponse']);
    expectObject(checker, requireField(checker, response, 'response', [...path, 'functionResponse']), [...path, 'functionResponse', 'response']);
    part['functionResponse'] = response;
  }
  return part;
}

function checkTool(checker: Checker, value: unknown, path: PathSegment[]): JsonObject {
  const tool = protoObject(checker, value, path, TOOL_FIELDS);
  if (!isAbsent(tool['functionDeclarations'])) {
    tool['functionDeclarations'] = expectArray(checker, tool['functionDeclarations'], [...path, 'functionDeclarations']).map((value, index) => {
      const declarationPath = [...path, 'functionDeclarations', index];
      const declaration = protoObject(checker, value, declarationPath, DECLARATION_FIELDS);
      requiredString(checker, declaration, 'name', declarationPath);
      optionalString(checker, declaration, 'description', declarationPath);
      if (!isAbsent(declaration['parameters'])) expectObject(checker, declaration['parameters'], [...declarationPath, 'parameters']);
      return declaration;
    });
  }
  return tool;
}

function checkToolConfig(checker: Checker, value: unknown, path: PathSegment[]): JsonObject {
  const toolConfiguration = protoObject(checker, value, path, TOOL_CONFIG_FIELDS);
  if (!isAbsent(toolConfiguration['functionCallingConfig'])) {
    const callingPath = [...path, 'functionCallingConfig'];
    const calling = protoObject(checker, toolConfiguration['functionCallingConfig'], callingPath, CALLING_FIELDS);
    optionalEnum(checker, calling, 'mode', callingPath, GEMINI_CALLING_MODES);
    if (!isAbsent(calling['allowedFunctionNames'])) {
      expectArray(checker, calling['allowedFunctionNames'], [...callingPath, 'allowedFunctionNames']).forEach((name, index) => {
        if (typeof name !== 'string') checker.fail({ kind: 'type', path: [...callingPath, 'allowedFunctionNames', index], expected: 'string', actual: name });
      });
    }
    toolConfiguration['functionCallingConfig'] = calling;
  }
  return toolConfiguration;
}

function checkGenerationConfig(checker: Checker, value: unknown, path: PathSegment[]): JsonObject {
  const generation = protoObject(checker, value, path, GENERATION_FIELDS);
  optionalNumber(checker, generation, 'temperature', path, { minimum: 0, maximum: 2 });
  optionalNumber(checker, generation, 'topP', path, { minimum: 0, maximum: 1 });
  optionalNumber(checker, generation, 'topK', path, { integer: true, minimum: 1 });
  optionalNumber(checker, generation, 'candidateCount', path, { integer: true, minimum: 1, maximum: 8 });
  optionalNumber(checker, generation, 'maxOutputTokens', path, { integer: true, minimum: 1 });
  optionalNumber(checker, generation, 'seed', path, { integer: true });
  optionalNumber(checker, generation, 'presencePenalty', path, { minimum: -2, maximum: 2 });
  optionalNumber(checker, generation, 'frequencyPenalty', path, { minimum: -2, maximum: 2 });
  optionalString(checker, generation, 'responseMimeType', path);
  optionalBoolean(checker, generation, 'responseLogprobs', path);
  if (!isAbsent(generation['responseSchema'])) expectObject(checker, generation['responseSchema'], [...path, 'responseSchema']);
  if (!isAbsent(generation['stopSequences'])) {
    const stops = expectArray(checker, generation['stopSequences'], [...path, 'stopSequences']);
    if (stops.length > 5) checker.fail({ kind: 'too_long', path: [...path, 'stopSequences'], limit: 5, actual: stops.length });
    stops.forEach((stop, index) => {
      if (typeof stop !== 'string') checker.fail({ kind: 'type', path: [...path, 'stopSequences', index], expected: 'string', actual: stop });
    });
  }
  if (!isAbsent(generation['thinkingConfig'])) {
    const thinkingPath = [...path, 'thinkingConfig'];
    const thinking = protoObject(checker, generation['thinkingConfig'], thinkingPath, THINKING_FIELDS);
    optionalBoolean(checker, thinking, 'includeThoughts', thinkingPath);
    if (!isAbsent(thinking['thinkingBudget'])) {
      checkNumber(checker, thinking['thinkingBudget'], [...thinkingPath, 'thinkingBudget'], { integer: true, minimum: -1 });
    }
    optionalEnum(checker, thinking, 'thinkingLevel', thinkingPath, GEMINI_THINKING_LEVELS);
    generation['thinkingConfig'] = thinking;
  }
  return generation;
}

