import type { Dispatcher } from 'undici';
import { FrugalError } from '../../errors/frugal-error.ts';
import { readAll } from '../../providers/upstream/read-all.ts';
import { upstreamFailure } from '../../providers/upstream/upstream-failure.ts';
import type { UpstreamProvider } from '../../providers/upstream-provider.ts';
import type { Attempt } from '../call/attempt.ts';
import type { Gateway } from '../gateway.ts';
import { upstreamHttpError } from './upstream-http-error.ts';
import type { UpstreamRequest } from './upstream-request.ts';

/**
 * Sends one attempt over the pooled keep-alive connections and returns the upstream's 2xx
 * answer with its body unread. A transport failure or timeout, or a 4xx/5xx answer, is
 * noted on the attempt and thrown as a FrugalError.
 */
export async function callUpstream(
  gateway: Gateway,
  attempt: Attempt,
  provider: UpstreamProvider,
  request: UpstreamRequest,
  apiKey: string,
  signal?: AbortSignal,
): Promise<Dispatcher.ResponseData> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...request.forwarded,
    ...provider.adapter.authHeaders(apiKey),
    ...provider.config.headers,
  };
  let response: Dispatcher.ResponseData;
  try {
    response = await gateway.pool.request({
      origin: provider.origin,
      path: provider.basePath + request.path,
      method: 'POST',
      headers,
      body: request.body,
      signal: signal ?? null,
    });
  } catch (error) {
    throw failed(attempt, upstreamFailure(error, provider.name, gateway.config.server.timeouts));
  }
  attempt.status = response.statusCode;
  if (response.statusCode < 400) return response;
  let body: Buffer;
  try {
    body = await readAll(response.body);
  } catch (error) {
    throw failed(attempt, upstreamFailure(error, provider.name, gateway.config.server.timeouts));
  }
  throw failed(attempt, upstreamHttpError(provider, response.statusCode, response.headers, body));
}

function failed(attempt: Attempt, error: FrugalError): FrugalError {
  attempt.finish();
  attempt.errorClass = String(error.details?.['errorClass'] ?? 'upstream_error');
  return error;
}
