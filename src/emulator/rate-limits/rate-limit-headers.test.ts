import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anthropicRateLimitHeaders, goDuration, openaiRateLimitHeaders } from './rate-limit-headers.ts';
import type { RateLimitState } from './rate-limit-window.ts';

const state = (resetMilliseconds: number): RateLimitState => ({
  limits: { requestsPerMinute: 500, tokensPerMinute: 200_000, enforce: false },
  remainingRequests: 499,
  remainingTokens: 199_000,
  resetMilliseconds,
  exceeded: false,
});

test('OpenAI: limits, remaining and Go-duration resets', () => {
  const headers: Record<string, string> = {};
  openaiRateLimitHeaders(state(61_500), headers);
  assert.deepEqual(headers, {
    'x-ratelimit-limit-requests': '500',
    'x-ratelimit-limit-tokens': '200000',
    'x-ratelimit-remaining-requests': '499',
    'x-ratelimit-remaining-tokens': '199000',
    'x-ratelimit-reset-requests': '1m1.5s',
    'x-ratelimit-reset-tokens': '1m1.5s',
  });
  assert.deepEqual([goDuration(6.4), goDuration(1000), goDuration(59_999)], ['6ms', '1s', '59.999s']);
});

test('Anthropic: resets are the window\'s end as an RFC 3339 instant to the second, whatever the call time in it', () => {
  const now = Date.parse('2026-03-01T10:00:00.250Z');
  for (const elapsed of [0, 1_234, 59_999]) {
    const headers: Record<string, string> = {};
    // The window started at `now` and ends a minute later, wherever in it the call falls.
    anthropicRateLimitHeaders(state(60_000 - elapsed), now + elapsed, headers);
    assert.equal(headers['anthropic-ratelimit-requests-reset'], '2026-03-01T10:01:00Z');
    assert.equal(headers['anthropic-ratelimit-tokens-remaining'], '199000');
  }
});
