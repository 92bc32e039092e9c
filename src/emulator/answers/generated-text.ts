import type { Random } from '../seeded-random.ts';

/**
 * Words that are one token each, with or without a leading space, in both o200k_base and
 * cl100k_base; a sentence is "The", words, then "." (one token each). So the generated text has
 * exactly the number of tokens asked for, without running a tokenizer on the hot path.
 */
const WORDS = [
  'model', 'answer', 'request', 'token', 'cost', 'cache', 'price', 'prompt', 'system', 'user', 'reply', 'output',
  'input', 'data', 'value', 'result', 'time', 'first', 'second', 'level', 'simple', 'clear', 'short', 'long', 'fast',
  'slow', 'small', 'large', 'point', 'part', 'case', 'rule', 'note', 'step', 'plan', 'test', 'check', 'route',
  'batch', 'limit', 'rate', 'budget', 'count', 'total', 'share', 'team', 'feature', 'customer', 'service', 'number',
  'string', 'field', 'list', 'table', 'report', 'query', 'option', 'error', 'issue', 'change', 'update', 'reason',
  'method', 'process', 'source', 'target', 'signal', 'track', 'stream', 'event', 'order', 'state', 'local', 'global',
  'public', 'private', 'basic', 'common', 'final', 'main', 'ready', 'stable', 'quick', 'general', 'direct', 'better',
  'higher', 'lower', 'early', 'later', 'today', 'every', 'other', 'each', 'more', 'most', 'some', 'many', 'few',
  'same', 'different', 'new', 'old', 'good', 'great', 'high', 'low', 'open', 'close', 'start', 'end', 'build', 'run',
  'keep', 'make', 'take', 'give', 'find', 'show', 'help', 'work', 'need', 'want', 'use', 'read', 'write', 'send',
  'call', 'return', 'follow', 'move', 'turn', 'hold', 'bring', 'begin', 'allow', 'lead', 'stand', 'learn', 'grow',
  'offer', 'remember', 'consider', 'appear', 'serve', 'expect', 'include', 'continue', 'set', 'create', 'provide',
  'leave', 'reach', 'remain', 'the', 'and', 'of', 'to', 'in', 'for', 'with', 'on', 'by', 'from', 'as', 'at', 'that',
  'this', 'which', 'it', 'is', 'was', 'are', 'be', 'can', 'will', 'may', 'should', 'would', 'could', 'has', 'have',
  'not', 'also',
] as const;

/**
 * Deterministic prose of exactly `tokenCount` tokens, returned as one piece per token so that
 * streams can send one token per chunk, as OpenAI does.
 */
export function generatedTokens(random: Random, tokenCount: number): string[] {
  const pieces: string[] = [];
  let sentenceRemaining = 0;
  while (pieces.length < tokenCount) {
    const left = tokenCount - pieces.length;
    if (sentenceRemaining === 0) {
      pieces.push(pieces.length === 0 ? 'The' : ' The');
      sentenceRemaining = random.integer(6, 18);
      continue;
    }
    if (sentenceRemaining === 1 || left === 1) {
      pieces.push(left === 1 && sentenceRemaining > 1 ? ` ${random.pick(WORDS)}` : '.');
      sentenceRemaining = 0;
      continue;
    }
    pieces.push(` ${random.pick(WORDS)}`);
    sentenceRemaining--;
  }
  return pieces;
}
