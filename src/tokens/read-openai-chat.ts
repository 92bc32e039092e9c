import { expectArray, expectObject, expectString, invalidRequest, isObject, optionalArray, optionalString, toolDefinition } from './body-fields.ts';
import type { JsonObject } from './body-fields.ts';
import { dimensionsFromDataUrl } from './image-dimensions.ts';
import { ASSUMED_IMAGE_SIZE } from './image-tokens.ts';
import type { Piece, PromptView, ToolChoice, ViewBlock } from './prompt-view.ts';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

function imagePiece(part: JsonObject, field: string, notes: string[]): Piece {
  const imageUrl = expectObject(part.image_url, `${field}.image_url`);
  const url = expectString(imageUrl.url, `${field}.image_url.url`);
  const detail = imageUrl.detail;
  if (detail !== undefined && detail !== 'low' && detail !== 'high' && detail !== 'auto') {
    throw invalidRequest(`${field}.image_url.detail`, '"low", "high" or "auto"', detail);
  }
  const size = dimensionsFromDataUrl(url);
  if (size === undefined && detail !== 'low') {
    notes.push(`${field}: image size unknown (URL or unreadable data), assumed ${ASSUMED_IMAGE_SIZE.width}×${ASSUMED_IMAGE_SIZE.height}`);
  }
  return { kind: 'image', image: { ...size, detail: detail ?? 'auto' } };
}

function contentPieces(content: unknown, field: string, notes: string[]): Piece[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ kind: 'text', text: content }];
  const pieces: Piece[] = [];
  expectArray(content, field).forEach((value, index) => {
    const partField = `${field}[${index}]`;
    const part = expectObject(value, partField);
    const type = expectString(part.type, `${partField}.type`);
    if (type === 'text') pieces.push({ kind: 'text', text: expectString(part.text, `${partField}.text`) });
    else if (type === 'refusal') pieces.push({ kind: 'text', text: expectString(part.refusal, `${partField}.refusal`) });
    else if (type === 'image_url') pieces.push(imagePiece(part, partField, notes));
    else if (type === 'input_audio' || type === 'file') notes.push(`${partField}: ${type} parts are not counted`);
    else {
      notes.push(`${partField}: unknown part type "${type}" counted as its JSON text`);
      pieces.push({ kind: 'text', text: JSON.stringify(part) });
    }
  });
  return pieces;
}

function toolCallPieces(message: JsonObject, field: string): Piece[] {
  const pieces: Piece[] = [];
  optionalArray(message.tool_calls, `${field}.tool_calls`).forEach((value, index) => {
    const callField = `${field}.tool_calls[${index}]`;
    const call = expectObject(value, callField);
    if (call.type === 'custom') {
      const custom = expectObject(call.custom, `${callField}.custom`);
      pieces.push({ kind: 'tool-call', name: expectString(custom.name, `${callField}.custom.name`), input: expectString(custom.input, `${callField}.custom.input`) });
      return;
    }
    const target = expectObject(call.function, `${callField}.function`);
    pieces.push({
      kind: 'tool-call',
      name: expectString(target.name, `${callField}.function.name`),
      input: expectString(target.arguments, `${callField}.function.arguments`),
    });
  });
  if (isObject(message.function_call)) {
    const call = message.function_call;
    pieces.push({
      kind: 'tool-call',
      name: expectString(call.name, `${field}.function_call.name`),
      input: expectString(call.arguments, `${field}.function_call.arguments`),
    });
  }
  return pieces;
}

function messageBlock(value: unknown, index: number, notes: string[]): ViewBlock {
  const field = `messages[${index}]`;
  const message = expectObject(value, field);
  const role = expectString(message.role, `${field}.role`);
  if (!ROLES.has(role)) throw invalidRequest(`${field}.role`, `one of ${[...ROLES].join(', ')}`, role);
  const name = optionalString(message.name, `${field}.name`);
  const content = contentPieces(message.content, `${field}.content`, notes);
  const pieces: Piece[] = role === 'tool' || role === 'function' ? [{ kind: 'tool-result', content }] : [...content, ...toolCallPieces(message, field)];
  return {
    location: field,
    section: role === 'system' || role === 'developer' ? 'system' : 'messages',
    pieces,
    opensMessage: name === undefined ? { role } : { role, name },
  };
}

function toolBlock(value: unknown, field: string, notes: string[]): ViewBlock {
  const tool = expectObject(value, field);
  let definition: JsonObject;
  if (tool.type === 'function') definition = expectObject(tool.function, `${field}.function`);
  else if (tool.type === 'custom') definition = expectObject(tool.custom, `${field}.custom`);
  else if (tool.type === undefined && typeof tool.name === 'string') definition = tool;
  else {
    notes.push(`${field}: tool type "${String(tool.type)}" counted as its JSON text`);
    return { location: field, section: 'tools', pieces: [{ kind: 'text', text: JSON.stringify(tool) }] };
  }
  return { location: field, section: 'tools', pieces: [{ kind: 'tool-definition', tool: toolDefinition(definition, field, definition.parameters) }] };
}

function toolChoiceOf(value: unknown): ToolChoice {
  if (value === 'none') return 'none';
  if (value === 'required') return 'any';
  if (isObject(value)) return 'tool';
  return 'auto';
}

/**
 * The prompt of an OpenAI Chat Completions body. OpenAI renders tool definitions into the
 * system message, so the tools come right after a leading system or developer message.
 */
export function readOpenAIChat(body: unknown): PromptView {
  const request = expectObject(body, 'request body');
  const notes: string[] = [];
  const messages = expectArray(request.messages, 'messages').map((message, index) => messageBlock(message, index, notes));
  const tools = [
    ...optionalArray(request.tools, 'tools').map((tool, index) => toolBlock(tool, `tools[${index}]`, notes)),
    ...optionalArray(request.functions, 'functions').map((tool, index) => toolBlock(tool, `functions[${index}]`, notes)),
  ];
  const toolsAt = messages[0]?.section === 'system' ? 1 : 0;
  return {
    protocol: 'openai',
    blocks: [...messages.slice(0, toolsAt), ...tools, ...messages.slice(toolsAt)],
    toolChoice: toolChoiceOf(request.tool_choice ?? request.function_call),
    notes,
  };
}
