import { expectArray, expectObject, expectString, invalidRequest, isObject, optionalArray, optionalString, toolDefinition } from './body-fields.ts';
import type { JsonObject } from './body-fields.ts';
import { dimensionsFromBase64 } from './image-dimensions.ts';
import { ASSUMED_IMAGE_SIZE } from './image-tokens.ts';
import type { Piece, PromptView, ToolChoice, ViewBlock } from './prompt-view.ts';

function cacheControlOf(block: JsonObject, field: string): { ttl: '5m' | '1h' } | undefined {
  const control = block.cache_control;
  if (control === undefined || control === null) return undefined;
  const object = expectObject(control, `${field}.cache_control`);
  if (object.ttl === undefined || object.ttl === '5m') return { ttl: '5m' };
  if (object.ttl === '1h') return { ttl: '1h' };
  throw invalidRequest(`${field}.cache_control.ttl`, '"5m" or "1h"', object.ttl);
}

function imagePiece(block: JsonObject, field: string, notes: string[]): Piece {
  const source = expectObject(block.source, `${field}.source`);
  const size = source.type === 'base64' ? dimensionsFromBase64(expectString(source.data, `${field}.source.data`)) : undefined;
  if (size === undefined) notes.push(`${field}: image size unknown, assumed ${ASSUMED_IMAGE_SIZE.width}×${ASSUMED_IMAGE_SIZE.height}`);
  return { kind: 'image', image: { ...size } };
}

function documentPieces(block: JsonObject, field: string, notes: string[]): Piece[] {
  const source = expectObject(block.source, `${field}.source`);
  const context = [optionalString(block.title, `${field}.title`), optionalString(block.context, `${field}.context`)];
  const pieces: Piece[] = context.filter((text) => text !== undefined).map((text) => ({ kind: 'text', text }));
  if (source.type === 'text') pieces.push({ kind: 'text', text: expectString(source.data, `${field}.source.data`) });
  else if (source.type === 'content') pieces.push(...contentPieces(source.content, `${field}.source.content`, notes));
  else notes.push(`${field}: ${String(source.type)} document source is not counted`);
  return pieces;
}

/** Pieces of one content block; thinking is dropped when the API strips it (earlier turns). */
function blockPieces(block: JsonObject, field: string, keepThinking: boolean, notes: string[]): Piece[] {
  const type = expectString(block.type, `${field}.type`);
  switch (type) {
    case 'text':
      return [{ kind: 'text', text: expectString(block.text, `${field}.text`) }];
    case 'image':
      return [imagePiece(block, field, notes)];
    case 'document':
      return documentPieces(block, field, notes);
    case 'tool_use':
      return [{ kind: 'tool-call', name: expectString(block.name, `${field}.name`), input: JSON.stringify(block.input ?? {}) }];
    case 'tool_result':
      return [{ kind: 'tool-result', content: contentPieces(block.content, `${field}.content`, notes) }];
    case 'thinking':
      return keepThinking ? [{ kind: 'text', text: expectString(block.thinking, `${field}.thinking`) }] : [];
    case 'redacted_thinking':
      if (keepThinking) notes.push(`${field}: redacted thinking is encrypted and not counted`);
      return [];
    default:
      notes.push(`${field}: block type "${type}" counted as its JSON text`);
      return [{ kind: 'text', text: JSON.stringify(block) }];
  }
}

function contentPieces(content: unknown, field: string, notes: string[]): Piece[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ kind: 'text', text: content }];
  return expectArray(content, field).flatMap((value, index) => blockPieces(expectObject(value, `${field}[${index}]`), `${field}[${index}]`, true, notes));
}

function systemBlocks(system: unknown, notes: string[]): ViewBlock[] {
  if (system === undefined || system === null) return [];
  const opensMessage = { role: 'system' };
  if (typeof system === 'string') return [{ location: 'system', section: 'system', pieces: [{ kind: 'text', text: system }], opensMessage }];
  return expectArray(system, 'system').map((value, index) => {
    const field = `system[${index}]`;
    const block = expectObject(value, field);
    const cacheControl = cacheControlOf(block, field);
    const view: ViewBlock = { location: field, section: 'system', pieces: blockPieces(block, field, true, notes) };
    if (index === 0) view.opensMessage = opensMessage;
    if (cacheControl !== undefined) view.cacheControl = cacheControl;
    return view;
  });
}

function toolBlock(value: unknown, index: number, notes: string[]): ViewBlock {
  const field = `tools[${index}]`;
  const tool = expectObject(value, field);
  const cacheControl = cacheControlOf(tool, field);
  let pieces: Piece[];
  if (tool.type === undefined || tool.type === 'custom' || tool.input_schema !== undefined) {
    pieces = [{ kind: 'tool-definition', tool: toolDefinition(tool, field, expectObject(tool.input_schema, `${field}.input_schema`)) }];
  } else {
    notes.push(`${field}: server tool "${String(tool.type)}" counted as its JSON text`);
    const definition = { ...tool };
    delete definition.cache_control;
    pieces = [{ kind: 'text', text: JSON.stringify(definition) }];
  }
  const block: ViewBlock = { location: field, section: 'tools', pieces };
  if (cacheControl !== undefined) block.cacheControl = cacheControl;
  return block;
}

/** A user message that is more than tool results starts a new turn. */
function startsTurn(message: JsonObject): boolean {
  if (message.role !== 'user') return false;
  if (!Array.isArray(message.content)) return true;
  return message.content.some((block) => !isObject(block) || block.type !== 'tool_result');
}

function messageBlocks(value: unknown, index: number, keepThinking: boolean, notes: string[]): ViewBlock[] {
  const field = `messages[${index}]`;
  const message = expectObject(value, field);
  const role = expectString(message.role, `${field}.role`);
  if (role !== 'user' && role !== 'assistant') throw invalidRequest(`${field}.role`, '"user" or "assistant"', role);
  if (typeof message.content === 'string') {
    return [{ location: `${field}.content`, section: 'messages', pieces: [{ kind: 'text', text: message.content }], opensMessage: { role } }];
  }
  return expectArray(message.content, `${field}.content`).map((blockValue, blockIndex) => {
    const blockField = `${field}.content[${blockIndex}]`;
    const block = expectObject(blockValue, blockField);
    const cacheControl = cacheControlOf(block, blockField);
    const view: ViewBlock = { location: blockField, section: 'messages', pieces: blockPieces(block, blockField, keepThinking, notes) };
    if (blockIndex === 0) view.opensMessage = { role };
    if (cacheControl !== undefined) view.cacheControl = cacheControl;
    return view;
  });
}

function toolChoiceOf(value: unknown): ToolChoice {
  if (!isObject(value)) return 'auto';
  const type = value.type;
  return type === 'any' || type === 'tool' || type === 'none' ? type : 'auto';
}

/**
 * The prompt of an Anthropic Messages body, in Anthropic's prefix order: tools, then system,
 * then messages. Thinking blocks of earlier turns are dropped, as the API strips them; those
 * of the current turn (an assistant tool-use loop after the last user turn) are counted.
 */
export function readAnthropicMessages(body: unknown): PromptView {
  const request = expectObject(body, 'request body');
  const notes: string[] = [];
  const messages = expectArray(request.messages, 'messages');
  let currentTurn = 0;
  messages.forEach((message, index) => {
    if (isObject(message) && startsTurn(message)) currentTurn = index;
  });
  return {
    protocol: 'anthropic',
    blocks: [
      ...optionalArray(request.tools, 'tools').map((tool, index) => toolBlock(tool, index, notes)),
      ...systemBlocks(request.system, notes),
      ...messages.flatMap((message, index) => messageBlocks(message, index, index > currentTurn, notes)),
    ],
    toolChoice: toolChoiceOf(request.tool_choice),
    notes,
  };
}
