import type Anthropic from '@anthropic-ai/sdk';
import { AGENT_SYSTEM_PROMPT, words } from './demo-text.ts';

const TOOLS: Anthropic.Tool[] = [
  {
    name: 'search_orders',
    description: 'Search the order database by customer, status or date range.',
    input_schema: { type: 'object', properties: { query: { type: 'string' }, status: { type: 'string', enum: ['open', 'shipped', 'returned'] } }, required: ['query'] },
  },
  {
    name: 'fetch_document',
    description: 'Fetch a policy or shipping document by id.',
    input_schema: { type: 'object', properties: { documentId: { type: 'string' } }, required: ['documentId'] },
  },
  {
    name: 'update_ticket',
    description: 'Write a note on the ticket and set its status.',
    input_schema: { type: 'object', properties: { note: { type: 'string' }, status: { type: 'string', enum: ['pending', 'solved'] } }, required: ['note', 'status'] },
  },
];

export const AGENT_STEPS = 10;

/**
 * One agent run through the official Anthropic SDK, shaped like the worked example in the
 * token-economics seed: ten steps, each sending the same system prompt and tools (about
 * 3,000 tokens, cached after the first step), the growing history, and on alternate steps
 * a tool-output chunk of about 800 tokens; output capped at 400 tokens. Odd steps the
 * model writes its notes, even steps it calls a tool; the last step writes the resolution.
 */
export async function runAgent(client: Anthropic, taskId: string, customer: string, onStep: (step: number) => void): Promise<void> {
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: `Resolve ${customer}'s delayed-shipment complaint: ${words(40, taskId.length * 13)}` }];
  const headers = { 'x-frugal-feature': 'ops-agent', 'x-frugal-customer': customer, 'x-frugal-task': taskId, 'x-frugal-session': `${taskId}-session` };
  for (let step = 1; step <= AGENT_STEPS; step++) {
    const callsTool = step % 2 === 0 && step < AGENT_STEPS;
    const message = await client.messages.create(
      {
        model: 'agent',
        max_tokens: 400,
        system: [{ type: 'text', text: AGENT_SYSTEM_PROMPT, cache_control: { type: 'ephemeral' } }],
        tools: TOOLS,
        tool_choice: callsTool ? { type: 'any' } : { type: 'none' },
        messages,
      },
      { headers },
    );
    onStep(step);
    messages.push({ role: 'assistant', content: message.content });
    const calls = message.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
    messages.push(
      calls.length === 0
        ? { role: 'user', content: 'Continue with the next step.' }
        : {
            role: 'user',
            content: calls.map((call) => ({ type: 'tool_result' as const, tool_use_id: call.id, content: `${call.name} result: ${words(600, step * 97 + taskId.length)}` })),
          },
    );
  }
}
