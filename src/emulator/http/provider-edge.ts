import type { ErrorKind } from '../../protocols/errors/error-kind.ts';
import { anthropicError } from '../../protocols/errors/anthropic-error-body.ts';
import { geminiError } from '../../protocols/errors/gemini-error-body.ts';
import { openAIError } from '../../protocols/errors/openai-error-body.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { anthropicRateLimitHeaders, openaiRateLimitHeaders } from '../rate-limits/rate-limit-headers.ts';
import type { RateLimitState } from '../rate-limits/rate-limit-window.ts';
import type { Exchange } from './exchange.ts';

export type ProviderFamily = 'openai' | 'anthropic' | 'gemini';

/** What differs between providers at the HTTP edge: credentials, headers, error shapes. */
export interface ProviderEdge {
  family: ProviderFamily;
  /** The caller's key, or undefined when the provider's credential header is missing or empty. */
  apiKey(exchange: Exchange): string | undefined;
  /** The answer to a request without a key. */
  missingKey(): { status: number; body: unknown };
  error(kind: ErrorKind, message?: string, extra?: { status?: number; code?: string | null; type?: string; param?: string }): { status: number; body: unknown };
  /** Headers of every answer: content type, request id, organisation. */
  headers(state: EmulatorState, contentType: string): Record<string, string>;
  rateLimitHeaders(rateLimit: RateLimitState, now: number, headers: Record<string, string>): void;
  /** Reports how long the answer took to produce, where the provider says so in a header. */
  processingTime(milliseconds: number, headers: Record<string, string>): void;
}

const wholeMilliseconds = (milliseconds: number) => String(Math.max(1, Math.round(milliseconds)));

function bearer(exchange: Exchange): string | undefined {
  const value = exchange.headers.authorization;
  if (value === undefined || !value.startsWith('Bearer ')) return undefined;
  const key = value.slice(7).trim();
  return key === '' ? undefined : key;
}

function header(exchange: Exchange, name: string): string | undefined {
  const value = exchange.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export const OPENAI_EDGE: ProviderEdge = {
  family: 'openai',
  apiKey: bearer,
  missingKey: () =>
    openAIError({
      kind: 'authentication',
      code: null,
      message:
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
    }),
  error: (kind, message, extra = {}) => openAIError({ kind, ...(message === undefined ? {} : { message }), ...extra }),
  headers: (state, contentType) => ({
    'content-type': contentType,
    'x-request-id': state.ids.next('req_', 32),
    'openai-organization': state.organization,
    'openai-processing-ms': '1',
    'openai-version': '2020-10-01',
  }),
  rateLimitHeaders: (rateLimit, _now, headers) => openaiRateLimitHeaders(rateLimit, headers),
  processingTime: (milliseconds, headers) => {
    headers['openai-processing-ms'] = wholeMilliseconds(milliseconds);
  },
};

export const ANTHROPIC_EDGE: ProviderEdge = {
  family: 'anthropic',
  apiKey: (exchange) => header(exchange, 'x-api-key') ?? bearer(exchange),
  missingKey: () => anthropicError({ kind: 'authentication', message: 'x-api-key header is required' }),
  error: (kind, message, extra = {}) => anthropicError({ kind, ...(message === undefined ? {} : { message }), ...extra }),
  headers: (state, contentType) => ({
    'content-type': contentType,
    'request-id': state.ids.next('req_011C', 20),
    'anthropic-organization-id': state.organization,
  }),
  rateLimitHeaders: anthropicRateLimitHeaders,
  processingTime: () => {},
};

/** Google answers a call without a key with 403 PERMISSION_DENIED (not 401). */
export const GEMINI_EDGE: ProviderEdge = {
  family: 'gemini',
  apiKey: (exchange) => header(exchange, 'x-goog-api-key') ?? (exchange.query.get('key') || undefined),
  missingKey: () =>
    geminiError({
      kind: 'permission',
      message:
        'Method doesn\'t allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.',
    }),
  error: (kind, message, extra = {}) =>
    geminiError({ kind, ...(message === undefined ? {} : { message }), ...(extra.status === undefined ? {} : { status: extra.status }) }),
  headers: (_state, contentType) => ({
    'content-type': contentType,
    server: 'scaffolding on HTTPServer2',
    'server-timing': 'gfet4t7; dur=1',
    vary: 'Origin, X-Origin, Referer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'x-xss-protection': '0',
  }),
  rateLimitHeaders: () => {},
  processingTime: (milliseconds, headers) => {
    headers['server-timing'] = `gfet4t7; dur=${wholeMilliseconds(milliseconds)}`;
  },
};
