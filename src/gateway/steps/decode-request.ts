import { FrugalError } from '../../errors/frugal-error.ts';
import type { ModelCall } from '../call/model-call.ts';
import { readAttribution } from './read-attribution.ts';

/**
 * Step "decode": the body as JSON, checked as the client's API would check it (a bad body
 * is answered with that API's own error), and the fields the gateway needs read from it.
 * The full canonical request is decoded later, and only when a lever or a translation
 * needs it.
 */
export function decodeRequest(call: ModelCall, bytes: Buffer): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new FrugalError('FRUGAL_INVALID_REQUEST', call.protocol.invalidJsonMessage, { errorClass: 'invalid_json' });
  }
  call.bodyBytes = bytes;
  call.body = call.protocol.validate(parsed, call.id);
  call.summary = call.protocol.summarize(call.body);
  call.attribution = readAttribution(call.request.headers, call.summary.user);
}
