import { FrugalError } from '../../errors/frugal-error.ts';
import type { CanonicalResponse } from '../../protocols/canonical/response.ts';
import type { Attempt } from '../call/attempt.ts';
import type { ModelCall } from '../call/model-call.ts';
import type { Gateway } from '../gateway.ts';
import type { WholeAnswer } from './call-upstream.ts';
import { costHeaders } from './cost-headers.ts';
import { settleAttempt } from './settle-attempt.ts';

function unreadable(attempt: Attempt, provider: string, what: string): FrugalError {
  attempt.errorClass = 'upstream_invalid_response';
  return new FrugalError('FRUGAL_UPSTREAM_UNREACHABLE', `Provider "${provider}" answered with ${what}.`, { errorClass: 'upstream_invalid_response' });
}

/**
 * A whole (non-streamed) answer: priced, and sent with its cost in `x-frugal-cost-usd`, its
 * length known, in one write. On the same-protocol path the client gets the upstream's
 * bytes unchanged; otherwise the answer is decoded and encoded in the client's protocol.
 */
export function relayJson(gateway: Gateway, call: ModelCall, attempt: Attempt, upstream: WholeAnswer, passthrough: boolean): void {
  const target = call.target!;
  const { adapter, name } = target.provider;
  const bytes = upstream.body;
  let answer: unknown;
  try {
    answer = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw unreadable(attempt, name, 'a body that is not JSON');
  }
  let output = bytes;
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
    output = Buffer.from(JSON.stringify(call.protocol.encodeResponse!(response)));
  }
  const headers = ['content-type', 'application/json', 'content-length', String(output.length), 'x-frugal-request-id', call.id];
  costHeaders(attempt, headers);
  call.response.writeHead(upstream.status, headers);
  call.response.end(output);
}
