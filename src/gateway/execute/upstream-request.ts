import { FrugalError } from '../../errors/frugal-error.ts';
import type { ModelCall } from '../call/model-call.ts';
import type { ModelTarget } from '../call/model-target.ts';

/** What goes upstream for one attempt. */
export interface UpstreamRequest {
  path: string;
  body: string | Buffer;
  stream: boolean;
  /** The client's body goes through untranslated, and the answer comes back the same way. */
  passthrough: boolean;
  /** Client headers forwarded unchanged (Anthropic version and beta flags). */
  forwarded: Record<string, string>;
}

/**
 * The upstream body: on the same-protocol path the client's own bytes (re-serialized only
 * when the model is renamed or stream usage must be asked for); otherwise the canonical
 * request encoded for the provider's wire.
 */
export function upstreamRequest(call: ModelCall, target: ModelTarget): UpstreamRequest {
  const { adapter } = target.provider;
  const passthrough = adapter.passthrough;
  const stream = call.summary!.stream;
  if (call.protocol.endpoint === 'embeddings') {
    if (adapter.embeddingsPath === undefined || passthrough === undefined) {
      throw unsupported(`Provider "${target.provider.name}" (${adapter.type}) has no OpenAI embeddings endpoint; route embedding models to an OpenAI or OpenAI-compatible provider.`);
    }
    return { path: adapter.embeddingsPath, body: passthrough.prepare(call.body!, call.bodyBytes!, target.model), stream: false, passthrough: true, forwarded: {} };
  }
  if (passthrough !== undefined && !call.rewritten && call.protocol.wire === adapter.protocol) {
    const forwarded: Record<string, string> = {};
    for (const name of passthrough.forwardedHeaders) {
      const value = call.request.headers[name];
      if (typeof value === 'string') forwarded[name] = value;
    }
    return { path: adapter.chatPath(target.model, stream), body: passthrough.prepare(call.body!, call.bodyBytes!, target.model), stream, passthrough: true, forwarded };
  }
  const canonical = { ...call.canonical, model: target.model };
  const encoded = adapter.encodeRequest(canonical).value;
  return { path: adapter.chatPath(target.model, canonical.stream), body: JSON.stringify(encoded), stream: canonical.stream, passthrough: false, forwarded: {} };
}

function unsupported(message: string): FrugalError {
  return new FrugalError('FRUGAL_UNSUPPORTED_ENDPOINT', message, { errorClass: 'unsupported_endpoint' });
}
