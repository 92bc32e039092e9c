import type { Protocol } from '../../protocols/canonical/protocol.ts';
import type { CanonicalResponse } from '../../protocols/canonical/response.ts';
import type { CanonicalStreamEvent } from '../../protocols/canonical/stream-event.ts';
import { StreamAccumulator } from '../../protocols/translate/accumulate-stream.ts';
import { createStreamEncoder, type ProtocolOptions } from '../../protocols/translate/codecs.ts';
import { responseToStreamEvents, type StreamingOptions } from '../../protocols/translate/response-to-events.ts';

/**
 * A cached canonical response as the SSE body of a stream in the client's protocol: what
 * the upstream would have streamed, delivered at once. `chunkSize` splits long text into
 * several deltas, as a live stream would.
 */
export function replayAsStream(response: CanonicalResponse, protocol: Protocol, options: ProtocolOptions & StreamingOptions = {}): string {
  const encoder = createStreamEncoder(protocol, options);
  const streaming = options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize };
  return responseToStreamEvents(response, streaming)
    .map((event) => encoder.push(event))
    .join('');
}

/**
 * The canonical response a streamed upstream answer delivered, to store in the cache; undefined
 * when the stream failed or was cut short (a partial answer is never cached).
 */
export function responseFromStream(events: Iterable<CanonicalStreamEvent>): CanonicalResponse | undefined {
  const accumulator = new StreamAccumulator();
  for (const event of events) accumulator.push(event);
  if (accumulator.error !== undefined || !accumulator.ended) return undefined;
  return accumulator.result();
}
