import type OpenAI from 'openai';
import { SUPPORT_SYSTEM_PROMPT, words } from './demo-text.ts';

export interface Ticket {
  id: string;
  customer: string;
  user: string;
  topic: string;
  question: string;
  followUp: string;
  stream: boolean;
  /** Whether the customer marked the ticket resolved. */
  resolved: boolean;
}

const CUSTOMERS = ['acme', 'globex', 'initech', 'umbrella'];
const TOPICS = ['refunds', 'shipping', 'billing', 'account'];

/** Twelve tickets across four customers and four topics; every fourth one is left unresolved. */
export function supportTickets(): Ticket[] {
  return Array.from({ length: 12 }, (_, index) => ({
    id: `ticket-${1001 + index}`,
    customer: CUSTOMERS[index % CUSTOMERS.length]!,
    user: `user-${(index * 7) % 9}`,
    topic: TOPICS[(index >> 1) % TOPICS.length]!,
    question: `My ${TOPICS[(index >> 1) % TOPICS.length]} question: ${words(18, 500 + index)}?`,
    followUp: `Thanks. And what about ${words(10, 700 + index)}?`,
    stream: index % 2 === 0,
    resolved: index % 4 !== 3,
  }));
}

function headers(ticket: Ticket, feature: string): Record<string, string> {
  return {
    'x-frugal-feature': feature,
    'x-frugal-customer': ticket.customer,
    'x-frugal-user': ticket.user,
    'x-frugal-task': ticket.id,
    'x-frugal-property-topic': ticket.topic,
  };
}

async function ask(client: OpenAI, ticket: Ticket, messages: OpenAI.Chat.ChatCompletionMessageParam[]): Promise<string> {
  const request = { model: 'support-bot', messages, max_tokens: 160 };
  const options = { headers: headers(ticket, 'support-chat') };
  if (!ticket.stream) {
    const completion = await client.chat.completions.create(request, options);
    return completion.choices[0]?.message.content ?? '';
  }
  const stream = await client.chat.completions.create({ ...request, stream: true }, options);
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}

/**
 * One support ticket through the official OpenAI SDK: a cheap triage call, then two turns
 * of the support bot (stable system prompt first, retrieved passages and the question
 * after it, so the provider's prompt cache can serve the prefix).
 */
export async function runTicket(client: OpenAI, ticket: Ticket): Promise<void> {
  await client.chat.completions.create(
    { model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'system', content: `Classify the topic: ${TOPICS.join(', ')}.` }, { role: 'user', content: ticket.question }] },
    { headers: headers(ticket, 'triage') },
  );
  const retrieved = `Retrieved passages for ${ticket.topic}:\n${words(220, 900 + ticket.id.length * 31 + ticket.topic.length)}`;
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: 'system', content: SUPPORT_SYSTEM_PROMPT },
    { role: 'user', content: `${retrieved}\n\nCustomer question: ${ticket.question}` },
  ];
  const answer = await ask(client, ticket, messages);
  messages.push({ role: 'assistant', content: answer }, { role: 'user', content: ticket.followUp });
  await ask(client, ticket, messages);
}
