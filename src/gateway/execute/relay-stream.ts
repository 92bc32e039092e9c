import type { Dispatcher } from 'undici';
import { SseParser } from '../../protocols/sse/sse-parser.ts';
import { errorKindForStatus } from '../../protocols/errors/error-kind.ts';
import { upstreamFailure } from '../../providers/upstream/upstream-failure.ts';
import type { Attempt } from '../call/attempt.ts';
import type { ModelCall } from '../call/model-call.ts';
import type { Gateway } from '../gateway.ts';
import { settleAttempt } from './settle-attempt.ts';
import type { StreamRelay } from './stream-relay.ts';

const STREAM_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };

/**
 * Streams the upstream answer to the client as it arrives, chunk by chunk, honouring the
 * client's back-pressure; never buffered. If the upstream dies mid-way (cut, idle timeout,
 * unreadable event) the client gets an error event in its protocol inside the started
 * stream. Resolves when the client's response has ended.
 */
export function relayStream(gateway: Gateway, call: ModelCall, attempt: Attempt, upstream: Dispatcher.ResponseData, relay: StreamRelay): Promise<void> {
  const { response } = call;
  const body = upstream.body;
  const provider = call.target!.provider.name;
  response.writeHead(200, { ...STREAM_HEADERS, 'x-frugal-request-id': call.id });
  response.flushHeaders();
  const parser = new SseParser();
  return new Promise((resolve) => {
    let done = false;
    const end = (text: string) => {
      if (done) return;
      done = true;
      attempt.finish();
      settleAttempt(gateway, attempt, call.target!, () => relay.usage());
      call.errorClass = relay.errorClass;
      attempt.errorClass ??= relay.errorClass;
      if (!response.destroyed) response.end(text);
      resolve();
    };
    const unreadable = () => {
      body.destroy();
      return relay.fail('server', `Provider "${provider}" sent a stream event that could not be read.`, 'upstream_invalid_response');
    };
    body.on('data', (chunk: Buffer) => {
      if (done) return;
      let text = '';
      try {
        for (const event of parser.push(chunk)) text += relay.push(event);
      } catch {
        end(text + unreadable());
        return;
      }
      if (call.timeToFirstTokenMs === null && relay.contentStarted) {
        call.timeToFirstTokenMs = call.elapsed();
        attempt.timeToFirstTokenMs = performance.now() - attempt.started;
      }
      if (text !== '' && !response.write(text)) {
        body.pause();
        response.once('drain', () => body.resume());
      }
    });
    body.on('end', () => {
      let text = '';
      try {
        for (const event of parser.end()) text += relay.push(event);
        text += relay.finish();
      } catch {
        text += unreadable();
      }
      end(text);
    });
    body.on('error', (error: unknown) => {
      if (done) return;
      const failure = upstreamFailure(error, provider, gateway.config.server.timeouts);
      const errorClass = String(failure.details?.['errorClass']);
      end(relay.fail(errorKindForStatus(failure.status), failure.message, errorClass));
    });
  });
}
