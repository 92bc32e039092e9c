/**
 * Billable server-side tool calls, by kind. These names are the keys of
 * `NormalizedUsage.toolCalls`, of the cost engine's `toolFee:<kind>` lines and of a catalog
 * entry's `fees.perToolCall`, so a call a provider reports finds its fee.
 */
export const TOOL_KINDS = {
  web_search:
    'one web search: Anthropic web search (one flat price per search); OpenAI and Gemini search at the default (medium) search context size',
  web_search_low: 'one web search at the low search context size (OpenAI search models)',
  web_search_high: 'one web search at the high search context size (OpenAI search models)',
  web_fetch: 'one Anthropic web fetch (no fee beyond the tokens it adds)',
} as const;

export type ToolKind = keyof typeof TOOL_KINDS;

export function isToolKind(name: string): name is ToolKind {
  return Object.hasOwn(TOOL_KINDS, name);
}

/** Anthropic `usage.server_tool_use` counters and the tool kind each one counts. */
export const ANTHROPIC_SERVER_TOOL_COUNTERS: Readonly<Record<string, ToolKind>> = {
  web_search_requests: 'web_search',
  web_fetch_requests: 'web_fetch',
};
