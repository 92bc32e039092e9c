/** Per-key limits, as a provider's account tier grants them. */
export interface RateLimits {
  requestsPerMinute: number;
  /** Input plus output tokens per minute. */
  tokensPerMinute: number;
  /** When true, a request over a limit gets a 429; otherwise limits are only reported in headers. */
  enforce: boolean;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { requestsPerMinute: 10_000, tokensPerMinute: 30_000_000, enforce: false };

/** What the rate-limit headers report after a request is counted. */
export interface RateLimitState {
  limits: RateLimits;
  remainingRequests: number;
  remainingTokens: number;
  /** Milliseconds until the window starts again. */
  resetMilliseconds: number;
  exceeded: boolean;
}

interface Window {
  startedAt: number;
  requests: number;
  tokens: number;
}

const WINDOW_MILLISECONDS = 60_000;
const MAXIMUM_KEYS = 10_000;

/**
 * A one-minute fixed window per API key: cheap enough for the hot path (one Map read), close
 * enough to the providers' token buckets for clients that read the headers.
 */
export class RateLimitWindows {
  readonly #windows = new Map<string, Window>();
  readonly #limits: RateLimits;

  constructor(limits: RateLimits) {
    this.#limits = limits;
  }

  count(apiKey: string, tokens: number, now: number): RateLimitState {
    let window = this.#windows.get(apiKey);
    if (window === undefined || now - window.startedAt >= WINDOW_MILLISECONDS) {
      if (window === undefined && this.#windows.size >= MAXIMUM_KEYS) this.#windows.clear();
      window = { startedAt: now, requests: 0, tokens: 0 };
      this.#windows.set(apiKey, window);
    }
    const limits = this.#limits;
    const exceeded =
      limits.enforce && (window.requests + 1 > limits.requestsPerMinute || window.tokens + tokens > limits.tokensPerMinute);
    if (!exceeded) {
      window.requests += 1;
      window.tokens += tokens;
    }
    return {
      limits,
      remainingRequests: Math.max(0, limits.requestsPerMinute - window.requests),
      remainingTokens: Math.max(0, limits.tokensPerMinute - window.tokens),
      resetMilliseconds: window.startedAt + WINDOW_MILLISECONDS - now,
      exceeded,
    };
  }

  clear(): void {
    this.#windows.clear();
  }
}
