import type { Protocol } from '../canonical/protocol.ts';
import type { Translation } from '../canonical/translation.ts';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse, type ProtocolOptions } from './codecs.ts';

/** A validated request of one protocol → the same request in another, with every field it could not carry. */
export function translateRequest(
  body: unknown,
  from: Protocol,
  to: Protocol,
  options: { from?: ProtocolOptions; to?: ProtocolOptions } = {},
): Translation<unknown> {
  const decoded = decodeRequest(from, body, options.from);
  const encoded = encodeRequest(to, decoded.value, options.to);
  return { value: encoded.value, dropped: [...decoded.dropped, ...encoded.dropped] };
}

/** A response body of one protocol → the same response in another. */
export function translateResponse(
  body: unknown,
  from: Protocol,
  to: Protocol,
  options: { from?: ProtocolOptions; to?: ProtocolOptions } = {},
): Translation<unknown> {
  const decoded = decodeResponse(from, body, options.from);
  const encoded = encodeResponse(to, decoded.value, options.to);
  return { value: encoded.value, dropped: [...decoded.dropped, ...encoded.dropped] };
}
