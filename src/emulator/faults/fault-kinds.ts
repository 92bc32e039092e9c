/**
 * What can go wrong, as a provider does it:
 * - rate_limit: 429 with the provider's rate-limit headers and `retry-after`
 * - insufficient_quota: OpenAI's 429 `insufficient_quota` (Anthropic: 400 credit balance; Gemini: 429)
 * - server_error / bad_gateway / service_unavailable: 500 / 502 / 503 in the provider's shape
 * - overloaded: Anthropic 529 `overloaded_error` (OpenAI and Gemini answer 503)
 * - timeout: the request is read and never answered
 * - connection_reset: the socket is destroyed before any byte of the answer
 * - stream_cut: a stream stops half-way and the connection drops (non-stream: the body is cut)
 * - stream_error: an error event inside a 200 stream (Anthropic `event: error`); streams only
 */
export const FAULT_KINDS = [
  'rate_limit',
  'insufficient_quota',
  'server_error',
  'bad_gateway',
  'service_unavailable',
  'overloaded',
  'timeout',
  'connection_reset',
  'stream_cut',
  'stream_error',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** A scripted step: a fault, or `ok` for a normal answer. */
export type ScriptStep = FaultKind | 'ok';

export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}
