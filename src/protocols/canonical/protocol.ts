/** The wire protocols Frugal speaks. OpenAI-compatible hosts speak `openai-chat` (with host quirks). */
export const PROTOCOLS = ['openai-chat', 'anthropic-messages', 'gemini'] as const;

export type Protocol = (typeof PROTOCOLS)[number];

/**
 * Wire fields a protocol has that the canonical model does not model, kept verbatim under
 * their wire names so that encoding back to the same protocol loses nothing. Encoders for
 * other protocols report each of them as dropped.
 */
export type Extensions = Partial<Record<Protocol, Record<string, unknown>>>;
