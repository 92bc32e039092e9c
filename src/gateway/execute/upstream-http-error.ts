import type { IncomingHttpHeaders } from 'node:http';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { Protocol } from '../../protocols/canonical/protocol.ts';
import type { UpstreamProvider } from '../../providers/upstream-provider.ts';

/** Upstream headers a client's SDK uses to back off; they travel with the error. */
const BACKOFF_HEADERS = ['retry-after', 'retry-after-ms', 'x-should-retry'];

/** What an upstream error answer carries to the client: its status, body and back-off headers. */
export interface UpstreamAnswer {
  protocol: Protocol;
  status: number;
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * An upstream 4xx/5xx as a FrugalError: its status and message pass through to the client
 * (verbatim when the client speaks the provider's protocol, else re-worded in the client's
 * shape), and the attempt's error class is `upstream_<kind>`.
 */
export function upstreamHttpError(provider: UpstreamProvider, status: number, headers: IncomingHttpHeaders, body: Buffer): FrugalError {
  let parsed: unknown = body.toString('utf8');
  try {
    parsed = JSON.parse(parsed as string);
  } catch {
    // not JSON: the text itself is the message
  }
  const { kind, message } = provider.adapter.readError(status, parsed);
  const backoff: Record<string, string> = {};
  for (const name of BACKOFF_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') backoff[name] = value;
  }
  const answer: UpstreamAnswer = { protocol: provider.adapter.protocol, status, body, headers: backoff };
  return new FrugalError('FRUGAL_UPSTREAM_ERROR', message, { errorClass: `upstream_${kind}`, kind, status, provider: provider.name, upstream: answer });
}
