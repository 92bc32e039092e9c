import { FrugalError } from '../errors/frugal-error.ts';
import type { ValidationInput, Validator, ValidationVerdict } from './validator.ts';

export interface WebhookOptions {
  name?: string;
  /** The operator's endpoint (from configuration only, never from a request). */
  url: string;
  /** Default 5,000 ms. */
  timeoutMs?: number;
  /** The verdict when the webhook answers non-2xx, times out or cannot be reached (default fail). */
  onError?: 'pass' | 'fail';
  /** Extra headers (e.g. a shared secret); never echoed in reasons. */
  headers?: Record<string, string>;
}

/** The body POSTed to the webhook. */
export interface WebhookPayload {
  request: ValidationInput['request'];
  response: { text: string; toolCalls: ValidationInput['toolCalls']; stopReason: ValidationInput['stopReason']; model: string | null };
}

function checkedUrl(url: unknown): URL {
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `webhook validator: url must be an absolute http(s) URL, got ${JSON.stringify(url)}`, { field: 'url' });
  }
  return parsed;
}

function readVerdict(body: unknown): Pick<ValidationVerdict, 'pass' | 'score' | 'reason'> | undefined {
  if (typeof body !== 'object' || body === null || typeof (body as { pass?: unknown }).pass !== 'boolean') return undefined;
  const { pass, score, reason } = body as { pass: boolean; score?: unknown; reason?: unknown };
  const verdict: Pick<ValidationVerdict, 'pass' | 'score' | 'reason'> = { pass, reason: typeof reason === 'string' ? `webhook: ${reason}` : `the webhook says ${pass ? 'pass' : 'fail'}` };
  if (typeof score === 'number' && Number.isFinite(score)) verdict.score = score;
  return verdict;
}

/**
 * POSTs the request and the answer as JSON to an operator's URL. A 2xx reply passes, unless its
 * JSON body says `{"pass": false, "reason"?, "score"?}`; non-2xx, timeouts and connection errors
 * give the configured `onError` verdict with the cause as reason.
 */
export function webhookValidator(options: WebhookOptions): Validator {
  const url = checkedUrl(options.url);
  const timeoutMs = options.timeoutMs ?? 5_000;
  if (!(Number.isSafeInteger(timeoutMs) && timeoutMs > 0)) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `webhook validator: timeoutMs must be a whole number of milliseconds > 0, got ${JSON.stringify(options.timeoutMs)}`, { field: 'timeoutMs' });
  }
  const onErrorPass = (options.onError ?? 'fail') === 'pass';
  const where = `${url.origin}${url.pathname}`;
  const failure = (cause: string): ValidationVerdict => ({ pass: onErrorPass, reason: `webhook ${where} ${cause}; treated as ${onErrorPass ? 'pass' : 'fail'}` });
  return {
    name: options.name ?? 'webhook',
    kind: 'webhook',
    async validate(input, context) {
      const payload: WebhookPayload = {
        request: input.request,
        response: { text: input.text, toolCalls: input.toolCalls, stopReason: input.stopReason, model: input.model ?? null },
      };
      const timeout = AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { ...options.headers, 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.any([context.signal, timeout]),
        });
      } catch (error) {
        if (context.signal.aborted) throw context.signal.reason;
        return failure(timeout.aborted ? `did not answer within ${timeoutMs} ms` : `could not be reached (${(error as Error).message})`);
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        return failure(`answered HTTP ${response.status}`);
      }
      let body: unknown;
      try {
        const text = await response.text();
        body = text.trim() === '' ? undefined : JSON.parse(text);
      } catch {
        if (context.signal.aborted) throw context.signal.reason;
        if (timeout.aborted) return failure(`did not finish its reply within ${timeoutMs} ms`);
        body = undefined;
      }
      return readVerdict(body) ?? { pass: true, reason: `the webhook answered HTTP ${response.status}` };
    },
  };
}
