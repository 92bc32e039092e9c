import { expectArray, expectObject, expectString, invalidRequest, isObject, optionalArray, optionalString, toolDefinition } from './body-fields.ts';
import type { JsonObject } from './body-fields.ts';
import { dimensionsFromBase64 } from './image-dimensions.ts';
import { ASSUMED_IMAGE_SIZE } from './image-tokens.ts';
import type { Piece, PromptView, ToolChoice, ViewBlock } from './prompt-view.ts';

function mediaPiece(media: JsonObject, field: string, inline: boolean, notes: string[]): Piece[] {
  const mimeType = expectString(media.mimeType, `${field}.mimeType`);
  if (!mimeType.startsWith('image/')) {
    notes.push(`${field}: ${mimeType} media is not counted`);
    return [];
  }
  const size = inline ? dimensionsFromBase64(expectString(media.data, `${field}.data`)) : undefined;
  if (size === undefined) notes.push(`${field}: image size unknown, assumed ${ASSUMED_IMAGE_SIZE.width}×${ASSUMED_IMAGE_SIZE.height}`);
  return [{ kind: 'image', image: { ...size } }];
}

function partPieces(value: unknown, field: string, notes: string[]): Piece[] {
  const part = expectObject(value, field);
  if (typeof part.text === 'string') return [{ kind: 'text', text: part.text }];
  if (isObject(part.inlineData)) return mediaPiece(part.inlineData, `${field}.inlineData`, true, notes);
  if (isObject(part.fileData)) return mediaPiece(part.fileData, `${field}.fileData`, false, notes);
  if (isObject(part.functionCall)) {
    const call = part.functionCall;
    return [{ kind: 'tool-call', name: expectString(call.name, `${field}.functionCall.name`), input: JSON.stringify(call.args ?? {}) }];
  }
  if (isObject(part.functionResponse)) {
    const response = part.functionResponse;
    return [{ kind: 'tool-result', content: [{ kind: 'text', text: JSON.stringify(response.response ?? {}) }] }];
  }
  if (isObject(part.executableCode)) return [{ kind: 'text', text: expectString(part.executableCode.code, `${field}.executableCode.code`) }];
  if (isObject(part.codeExecutionResult)) {
    return [{ kind: 'text', text: optionalString(part.codeExecutionResult.output, `${field}.codeExecutionResult.output`) ?? '' }];
  }
  throw invalidRequest(field, 'a part with text, inlineData, fileData, functionCall, functionResponse or code', part);
}

function contentBlocks(value: unknown, field: string, section: 'system' | 'messages', notes: string[]): ViewBlock[] {
  const content = expectObject(value, field);
  const role = section === 'system' ? 'system' : (optionalString(content.role, `${field}.role`) ?? 'user');
  return expectArray(content.parts, `${field}.parts`).map((part, index) => {
    const block: ViewBlock = { location: `${field}.parts[${index}]`, section, pieces: partPieces(part, `${field}.parts[${index}]`, notes) };
    if (index === 0) block.opensMessage = { role };
    return block;
  });
}

function toolBlocks(value: unknown, toolIndex: number, notes: string[]): ViewBlock[] {
  const field = `tools[${toolIndex}]`;
  const tool = expectObject(value, field);
  if (tool.functionDeclarations === undefined) {
    notes.push(`${field}: built-in tool counted as its JSON text`);
    return [{ location: field, section: 'tools', pieces: [{ kind: 'text', text: JSON.stringify(tool) }] }];
  }
  return expectArray(tool.functionDeclarations, `${field}.functionDeclarations`).map((declarationValue, index) => {
    const declarationField = `${field}.functionDeclarations[${index}]`;
    const declaration = expectObject(declarationValue, declarationField);
    const tool = toolDefinition(declaration, declarationField, declaration.parameters ?? declaration.parametersJsonSchema);
    return { location: declarationField, section: 'tools', pieces: [{ kind: 'tool-definition', tool }] };
  });
}

function toolChoiceOf(toolConfig: unknown): ToolChoice {
  const mode = isObject(toolConfig) && isObject(toolConfig.functionCallingConfig) ? toolConfig.functionCallingConfig.mode : undefined;
  if (mode === 'NONE') return 'none';
  if (mode === 'ANY') return 'any';
  return 'auto';
}

/**
 * The prompt of a Gemini generateContent body, or of a countTokens body (bare `contents`, or a
 * whole `generateContentRequest`), in Gemini's prefix order: systemInstruction, tools, contents.
 */
export function readGeminiRequest(body: unknown): PromptView {
  const outer = expectObject(body, 'request body');
  const request = isObject(outer.generateContentRequest) ? outer.generateContentRequest : outer;
  const notes: string[] = [];
  const system = request.systemInstruction;
  return {
    protocol: 'gemini',
    blocks: [
      ...(system === undefined || system === null ? [] : contentBlocks(system, 'systemInstruction', 'system', notes)),
      ...optionalArray(request.tools, 'tools').flatMap((tool, index) => toolBlocks(tool, index, notes)),
      ...expectArray(request.contents, 'contents').flatMap((content, index) => contentBlocks(content, `contents[${index}]`, 'messages', notes)),
    ],
    toolChoice: toolChoiceOf(request.toolConfig),
    notes,
  };
}
