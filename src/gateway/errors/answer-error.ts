import { FrugalError } from '../../errors/frugal-error.ts';
import type { ModelCall } from '../call/model-call.ts';
import type { Gateway } from '../gateway.ts';
import { redactSecrets } from './redact-secrets.ts';
import { renderError } from './render-error.ts';

/**
 * Answers a failed model call in the client's protocol and notes its status and error
 * class for the ledger. A failure the gateway did not expect is logged (secrets redacted)
 * and answered 500; the process keeps serving.
 */
export function answerError(gateway: Gateway, call: ModelCall, error: unknown): void {
  const secrets = [call.clientKey, call.upstreamKey];
  if (!FrugalError.isInstance(error)) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    gateway.log(`frugal gateway: request ${call.id} failed unexpectedly: ${redactSecrets(detail, secrets)}`);
  }
  const answer = renderError(call.protocol, call.id, error, secrets);
  call.errorClass ??= answer.errorClass;
  const { response } = call;
  if (response.destroyed) {
    // The client is gone: nobody to answer. 499 is the customary "client closed request".
    call.status = 499;
    return;
  }
  if (response.headersSent) {
    if (!response.writableEnded) response.end();
    return;
  }
  call.status = answer.status;
  const headers: Record<string, string> = { ...answer.headers, 'content-type': 'application/json', 'x-frugal-request-id': call.id };
  // An oversized body is left unread; closing the connection is the only way past it.
  if (answer.errorClass === 'request_too_large') headers['connection'] = 'close';
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}
