import type { RateLimitState } from './rate-limit-window.ts';

let formattedDuration = Number.NaN;
let formattedGoDuration = '';

/** The reset duration of the last answer, formatted once for the many answers of the same millisecond. */
function resetDuration(milliseconds: number): string {
  if (milliseconds !== formattedDuration) {
    formattedDuration = milliseconds;
    formattedGoDuration = goDuration(milliseconds);
  }
  return formattedGoDuration;
}

/** OpenAI writes reset times as Go durations: "6ms", "1s", "6m0s". */
export function goDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.max(0, Math.round(milliseconds))}ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${Number(seconds.toFixed(3))}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${Number((seconds - minutes * 60).toFixed(3))}s`;
}

/** x-ratelimit-* as OpenAI (and OpenAI-compatible hosts) send them. */
export function openaiRateLimitHeaders(state: RateLimitState, headers: Record<string, string>): void {
  const reset = resetDuration(state.resetMilliseconds);
  headers['x-ratelimit-limit-requests'] = String(state.limits.requestsPerMinute);
  headers['x-ratelimit-limit-tokens'] = String(state.limits.tokensPerMinute);
  headers['x-ratelimit-remaining-requests'] = String(state.remainingRequests);
  headers['x-ratelimit-remaining-tokens'] = String(state.remainingTokens);
  headers['x-ratelimit-reset-requests'] = reset;
  headers['x-ratelimit-reset-tokens'] = reset;
}

let formattedInstant = Number.NaN;
let formattedReset = '';

/** An RFC 3339 instant to the second; the reset instant stays the same for a whole window, so it is formatted once. */
function resetInstant(instant: number): string {
  if (instant !== formattedInstant) {
    formattedInstant = instant;
    formattedReset = new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return formattedReset;
}

/** anthropic-ratelimit-* as Anthropic sends them; resets are RFC 3339 instants. */
export function anthropicRateLimitHeaders(state: RateLimitState, now: number, headers: Record<string, string>): void {
  const reset = resetInstant(now + state.resetMilliseconds);
  const requests = String(state.limits.requestsPerMinute);
  const tokens = String(state.limits.tokensPerMinute);
  const remainingTokens = String(state.remainingTokens);
  headers['anthropic-ratelimit-requests-limit'] = requests;
  headers['anthropic-ratelimit-requests-remaining'] = String(state.remainingRequests);
  headers['anthropic-ratelimit-requests-reset'] = reset;
  headers['anthropic-ratelimit-tokens-limit'] = tokens;
  headers['anthropic-ratelimit-tokens-remaining'] = remainingTokens;
  headers['anthropic-ratelimit-tokens-reset'] = reset;
  headers['anthropic-ratelimit-input-tokens-limit'] = tokens;
  headers['anthropic-ratelimit-input-tokens-remaining'] = remainingTokens;
  headers['anthropic-ratelimit-input-tokens-reset'] = reset;
  headers['anthropic-ratelimit-output-tokens-limit'] = tokens;
  headers['anthropic-ratelimit-output-tokens-remaining'] = remainingTokens;
  headers['anthropic-ratelimit-output-tokens-reset'] = reset;
}
