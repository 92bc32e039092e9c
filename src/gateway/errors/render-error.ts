import { FrugalError } from '../../errors/frugal-error.ts';
import { errorKindForStatus, type ErrorKind } from '../../protocols/errors/error-kind.ts';
import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import type { ClientProtocol } from '../client-protocols/client-protocol.ts';
import type { UpstreamAnswer } from '../execute/upstream-http-error.ts';
import { redactSecrets } from './redact-secrets.ts';

export interface ErrorAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** The stable class the ledger stores. */
  errorClass: string;
}

/**
 * Any failure as the answer the client's SDK expects: the client protocol's error shape
 * and a fitting status. A body the client's API already shaped (a validation error) is
 * sent as is; an upstream error keeps the upstream's status, and its very body when the
 * client speaks the upstream's protocol. Secrets are redacted from every message.
 */
export function renderError(client: ClientProtocol, requestId: string, error: unknown, secrets: readonly (string | undefined)[]): ErrorAnswer {
  if (isProtocolError(error)) {
    return { status: error.details.status, body: JSON.stringify(error.details.body), headers: {}, errorClass: 'invalid_request' };
  }
  if (!FrugalError.isInstance(error)) {
    const { status, body } = client.error('server', 500, `The gateway failed while handling this request (request id ${requestId}).`, requestId);
    return { status, body: JSON.stringify(body), headers: {}, errorClass: 'internal_error' };
  }
  const details = error.details ?? {};
  const errorClass = typeof details['errorClass'] === 'string' ? details['errorClass'] : 'invalid_request';
  const upstream = details['upstream'] as UpstreamAnswer | undefined;
  if (upstream !== undefined && upstream.protocol === client.wire && isJson(upstream.body)) {
    return { status: upstream.status, body: redactSecrets(upstream.body.toString('utf8'), secrets), headers: upstream.headers, errorClass };
  }
  const status = typeof details['status'] === 'number' ? details['status'] : error.status;
  const kind = (details['kind'] as ErrorKind | undefined) ?? errorKindForStatus(status);
  const { body } = client.error(kind, status, redactSecrets(error.message, secrets), requestId);
  return { status, body: JSON.stringify(body), headers: upstream?.headers ?? {}, errorClass };
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
