import type { Dispatcher } from 'undici';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { CanonicalResponse } from '../../protocols/canonical/response.ts';
import { readAll } from '../../providers/upstream/read-all.ts';
import { upstreamFailure } from '../../providers/upstream/upstream-failure.ts';
import type { Attempt } from '../call/attempt.ts';
import type { ModelCall } from '../call/model-call.ts';
import type { Gateway } from '../gateway.ts';
import { costHeaders } from './cost-headers.ts';
import { settleAttempt } from './settle-attempt.ts';

function unreadable(attempt: Attempt, provider: string, what: string): FrugalError {
  attempt.errorClass = 'upstream_invalid_response';
  return new FrugalError('FRUGAL_UPSTREAM_UNREACHABLE', `Provider "${provider}" answered with ${what}.`, { errorClass: 'upstream_invalid_response' });
}

/**
 * A whole (non-streamed) answer: read, priced, and sent with its cost in
 * `x-frugal-cost-usd`. On the same-protocol path the client gets the upstream's bytes
 * unchanged; otherwise the answer is decoded and encoded in the client's protocol.
 */
export async function relayJson(gateway: Gateway, call: ModelCall, attempt: Attempt, upstream: Dispatcher.ResponseData, passthrough: boolean): Promise<void> {
  const target = call.target!;
  const { adapter, name } = target.provider;
  let bytes: Buffer;
  try {
    bytes = await readAll(upstream.body);
  } catch (error) {
    attempt.finish();
    const failure = upstreamFailure(error, name, gateway.config.server.timeouts);
    attempt.errorClass = String(failure.details?.['errorClass']);
    throw failure;
  }
  attempt.finish();
  let answer: unknown;
  try {
    answer = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw unreadable(attempt, name, 'a body that is not JSON');
  }
  let output: Buffer | string = bytes;
  if (passthrough) {
    settleAttempt(gateway, attempt, target, () => adapter.passthrough!.readUsage(answer));
  } else {
    let response: CanonicalResponse;
    try {
      response = adapter.decodeResponse(answer).value;
    } catch {
      throw unreadable(attempt, name, `a body that is no ${adapter.protocol} answer`);
    }
    if (response.id === '') response.id = `msg_${call.id.replaceAll('-', '')}`;
    if (response.model === '') response.model = target.model;
    settleAttempt(gateway, attempt, target, () => response.usage);
    output = JSON.stringify(call.protocol.encodeResponse!(response));
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-frugal-request-id': call.id };
  costHeaders(attempt, headers);
  call.response.writeHead(upstream.statusCode, headers);
  call.response.end(output);
}
