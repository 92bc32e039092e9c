import type { Dispatcher } from 'undici';
import type { ModelCall } from '../call/model-call.ts';
import { Attempt } from '../call/attempt.ts';
import type { Gateway } from '../gateway.ts';
import { callUpstream } from './call-upstream.ts';
import { PassthroughStreamRelay } from './passthrough-stream-relay.ts';
import { relayJson } from './relay-json.ts';
import { RelayStream } from './relay-stream.ts';
import type { StreamRelay } from './stream-relay.ts';
import { TranslatedStreamRelay } from './translated-stream-relay.ts';
import { upstreamKey } from './upstream-key.ts';
import { upstreamRequest } from './upstream-request.ts';

/**
 * Step "execute": the provider adapter encodes the request (or the client's bytes go
 * through), one attempt runs over the pooled connections, and the answer is relayed to
 * the client whole or streamed, priced as soon as its usage is known. A client that
 * disconnects aborts the upstream call.
 */
export async function executeCall(gateway: Gateway, call: ModelCall): Promise<void> {
  const target = call.target!;
  const { provider } = target;
  const request = upstreamRequest(call, target);
  call.releaseBody();
  const apiKey = upstreamKey(gateway, provider, call.clientKey);
  call.upstreamKey = apiKey;
  const attempt = new Attempt(call.id, call.attempts.length, 'primary', provider.name, target.model);
  call.attempts.push(attempt);
  if (!request.stream) {
    const answer = await callUpstream(gateway, attempt, provider, request, apiKey, call.response);
    relayJson(gateway, call, attempt, answer, request.passthrough);
    return;
  }
  const { passthrough } = request;
  const startStream = (controller: Dispatcher.DispatchController) => {
    const includeUsage = call.summary!.includeUsage;
    const relay: StreamRelay = passthrough
      ? new PassthroughStreamRelay(provider.adapter.passthrough!.createTap(includeUsage), call.protocol, provider.name)
      : new TranslatedStreamRelay(provider.adapter.createStreamDecoder(), call.protocol.createStreamEncoder!(includeUsage), { id: `msg_${call.id.replaceAll('-', '')}`, model: target.model }, provider.name);
    return new RelayStream(gateway, call, attempt, relay, controller);
  };
  await callUpstream(gateway, attempt, provider, request, apiKey, call.response, startStream);
}
