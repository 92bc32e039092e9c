import type { OutcomeItem } from '../data/outcome-types.ts';

/** Longest text a router reads: beyond it, the end of the message is kept (where the question is). */
export const MAX_ROUTING_CHARS = 4_000;
const MIN_FOCUS_CHARS = 40;
const SOLVED_EXAMPLE = /answer:?\s*\n?\s*\S+\s*$/i;

/**
 * The message an item is routed on: the last user message, or for a multi-turn item its first
 * turn (the conversation is routed once, before the first answer, as RouteLLM does).
 */
export function routingMessage(item: Pick<OutcomeItem, 'messages' | 'turns'>): string {
  if (item.turns !== undefined && item.turns.length > 0) return item.turns[0]!;
  for (let index = item.messages.length - 1; index >= 0; index--) {
    if (item.messages[index]!.role === 'user') return item.messages[index]!.content;
  }
  return '';
}

/**
 * The part of a message that says what is asked. Few-shot prompts (two or more earlier blocks
 * that end with a solved "Answer: X") put the same examples before every question, so text
 * similarity would only see the examples: for them the focus is the final block (with the blocks
 * just before it when it is shorter than 40 characters). Other messages are kept whole, up to
 * the last 4,000 characters.
 */
export function focusText(message: string): string {
  const blocks = message.trim().split(/\n\s*\n/);
  let solved = 0;
  for (let index = 0; index < blocks.length - 1; index++) if (SOLVED_EXAMPLE.test(blocks[index]!)) solved++;
  if (solved < 2) return message.length > MAX_ROUTING_CHARS ? message.slice(-MAX_ROUTING_CHARS) : message;
  let start = blocks.length - 1;
  let focus = blocks[start]!;
  while (focus.length < MIN_FOCUS_CHARS && start > 0) {
    start--;
    focus = `${blocks[start]}\n\n${focus}`;
  }
  return focus.length > MAX_ROUTING_CHARS ? focus.slice(-MAX_ROUTING_CHARS) : focus;
}

/** How many solved examples precede the question (0 for a plain message). */
export function fewShotExamples(message: string): number {
  const blocks = message.trim().split(/\n\s*\n/);
  let solved = 0;
  for (let index = 0; index < blocks.length - 1; index++) if (SOLVED_EXAMPLE.test(blocks[index]!)) solved++;
  return solved >= 2 ? solved : 0;
}
