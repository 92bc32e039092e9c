import type { CanonicalRequest, CanonicalTool, FunctionTool } from '../../protocols/canonical/request.ts';
import type { ModelClass } from '../latency-model.ts';
import type { ReplayHit } from '../replay/replay-dataset.ts';
import { seededRandom, type Random } from '../seeded-random.ts';
import { sampleAnswerLength, type LengthConfiguration } from './answer-length.ts';
import type { EmulatedAnswer, EmulatedChoice, EmulatedToolCall } from './emulated-answer.ts';
import { generatedTokens } from './generated-text.ts';
import { jsonFromSchema } from './json-from-schema.ts';
import { reasoningTokens, type ReasoningDefault } from './reasoning-tokens.ts';

/** What shapes an answer besides the request itself. */
export interface AnswerContext {
  model: string;
  modelClass: ModelClass;
  reasoningModel: boolean;
  reasoningDefault: ReasoningDefault;
  /** Whether readable thinking is returned unless the request says (Anthropic yes, Gemini only with includeThoughts). */
  thinkingShownByDefault: boolean;
  /** Output cap when the request sets none (the model's maximum). */
  defaultMaxOutputTokens: number;
  /** Seed derived from the emulator seed and the prompt. */
  seed: number;
  lengths: LengthConfiguration;
  /** Tokens of a text for this model (tool arguments, JSON answers, replayed answers). */
  countText: (text: string) => number;
  /** Provider-style tool-call id for the n-th call. */
  toolCallId: () => string;
  replay?: ReplayHit;
}

/** Readable thinking is a summary: at most this many tokens of it are shown. */
const THINKING_SUMMARY_TOKENS = 48;

function forcedTool(request: CanonicalRequest): FunctionTool | undefined {
  const choice = request.toolChoice;
  if (choice === undefined || (choice.type !== 'required' && choice.type !== 'tool')) return undefined;
  const functions = (request.tools ?? []).filter((tool: CanonicalTool): tool is FunctionTool => tool.type === 'function');
  if (choice.type === 'tool') return functions.find((tool) => tool.name === choice.name);
  return functions[0];
}

/** Splits text into streamable pieces of a few characters, as a tokenizer roughly would. */
function chunkText(text: string, size = 4): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

/** Cuts a counted text down to `limit` tokens (by characters, in proportion, then rechecked). */
function truncateToTokens(text: string, tokens: number, limit: number, countText: (text: string) => number): string {
  let length = Math.floor((text.length * limit) / Math.max(1, tokens));
  while (length > 0 && countText(text.slice(0, length)) > limit) length = Math.floor(length * 0.9);
  return text.slice(0, length);
}

function applyStopSequences(pieces: string[], stops: readonly string[] | undefined): { pieces: string[]; stop?: string } {
  if (stops === undefined || stops.length === 0) return { pieces };
  const text = pieces.join('');
  let earliest = -1;
  let matched: string | undefined;
  for (const stop of stops) {
    const at = stop === '' ? -1 : text.indexOf(stop);
    if (at !== -1 && (earliest === -1 || at < earliest)) {
      earliest = at;
      matched = stop;
    }
  }
  if (matched === undefined) return { pieces };
  const kept: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (length + piece.length > earliest) {
      if (earliest > length) kept.push(piece.slice(0, earliest - length));
      break;
    }
    kept.push(piece);
    length += piece.length;
  }
  return { pieces: kept, stop: matched };
}

function planChoice(request: CanonicalRequest, context: AnswerContext, random: Random): EmulatedChoice {
  const cap = request.maxOutputTokens ?? context.defaultMaxOutputTokens;
  const reasoning = Math.min(cap, reasoningTokens(request.reasoning, context.reasoningModel, context.reasoningDefault, random));
  const room = cap - reasoning;
  const showThinking = reasoning > 0 && (request.reasoning?.includeThoughts ?? context.thinkingShownByDefault);
  const thinkingPieces = showThinking ? generatedTokens(random, Math.min(reasoning, THINKING_SUMMARY_TOKENS)) : [];
  const choice: EmulatedChoice = {
    reasoningTokens: reasoning,
    thinkingPieces,
    textPieces: [],
    outputTokens: 0,
    toolCalls: [],
    stopReason: 'end_turn',
  };
  if (room <= 0) {
    choice.stopReason = 'max_tokens';
    return choice;
  }

  const tool = forcedTool(request);
  if (tool !== undefined) {
    let argumentsText = JSON.stringify(jsonFromSchema(tool.parameters ?? { type: 'object', properties: {} }, random));
    let tokens = context.countText(argumentsText);
    choice.stopReason = 'tool_use';
    if (tokens > room) {
      argumentsText = truncateToTokens(argumentsText, tokens, room, context.countText);
      tokens = room;
      choice.stopReason = 'max_tokens';
    }
    const call: EmulatedToolCall = { id: context.toolCallId(), name: tool.name, arguments: argumentsText };
    choice.toolCalls.push(call);
    choice.outputTokens = tokens;
    return choice;
  }

  let pieces: string[];
  let tokens: number;
  const format = request.responseFormat;
  const recorded = context.replay?.response;
  if (format?.type === 'json_schema' || format?.type === 'json_object') {
    const value =
      format.type === 'json_schema'
        ? jsonFromSchema(format.schema, random)
        : { answer: generatedTokens(random, sampleAnswerLength(random, context.model, context.modelClass, context.lengths) >> 2).join('') };
    const text = JSON.stringify(value);
    tokens = context.countText(text);
    pieces = chunkText(tokens > room ? truncateToTokens(text, tokens, room, context.countText) : text);
  } else if (recorded !== undefined) {
    tokens = context.countText(recorded);
    pieces = chunkText(tokens > room ? truncateToTokens(recorded, tokens, room, context.countText) : recorded, 12);
  } else {
    tokens = sampleAnswerLength(random, context.model, context.modelClass, context.lengths);
    pieces = generatedTokens(random, Math.min(tokens, room));
  }
  if (tokens > room) {
    tokens = room;
    choice.stopReason = 'max_tokens';
  }
  const stopped = applyStopSequences(pieces, request.stop);
  if (stopped.stop !== undefined) {
    const kept = stopped.pieces.join('');
    tokens = kept === '' ? 0 : Math.min(tokens, context.countText(kept));
    choice.stopReason = 'stop_sequence';
    choice.stopSequence = stopped.stop;
  }
  choice.textPieces = stopped.pieces;
  choice.outputTokens = tokens;
  return choice;
}

/**
 * The answer to a request, deterministic in (seed, prompt): `candidateCount` choices, each with
 * reasoning tokens (reasoning models), then either a forced tool call with arguments valid against
 * the tool's schema, a JSON document valid against `response_format`, the replayed recorded answer,
 * or generated prose of a sampled length, capped by the output limit.
 */
export function planAnswer(request: CanonicalRequest, context: AnswerContext): EmulatedAnswer {
  const count = Math.max(1, request.candidateCount ?? 1);
  const choices: EmulatedChoice[] = [];
  for (let index = 0; index < count; index++) {
    choices.push(planChoice(request, context, seededRandom(context.seed + index * 7919)));
  }
  const answer: EmulatedAnswer = { choices };
  if (context.replay !== undefined) answer.replay = context.replay;
  return answer;
}
