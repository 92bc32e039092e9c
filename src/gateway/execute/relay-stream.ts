import type { Dispatcher } from 'undici';
import { errorKindForStatus } from '../../protocols/errors/error-kind.ts';
import { upstreamFailure } from '../../providers/upstream/upstream-failure.ts';
import type { Attempt } from '../call/attempt.ts';
import type { ModelCall } from '../call/model-call.ts';
import type { Gateway } from '../gateway.ts';
import type { UpstreamBodySink } from './call-upstream.ts';
import { settleAttempt } from './settle-attempt.ts';
import type { StreamRelay } from './stream-relay.ts';

/**
 * Streams the upstream answer to the client as it arrives, honouring the client's
 * back-pressure; never buffered. What arrives in one read from upstream leaves in one
 * write to the client (the response head goes with the first events, or on its own at
 * once when none came with it). If the upstream dies mid-way (cut, idle timeout,
 * unreadable event) the client gets an error event in its protocol inside the started
 * stream.
 */
export class RelayStream implements UpstreamBodySink {
  readonly #gateway: Gateway;
  readonly #call: ModelCall;
  readonly #attempt: Attempt;
  readonly #relay: StreamRelay;
  readonly #controller: Dispatcher.DispatchController;
  #wrote = false;
  #done = false;

  constructor(gateway: Gateway, call: ModelCall, attempt: Attempt, relay: StreamRelay, controller: Dispatcher.DispatchController) {
    this.#gateway = gateway;
    this.#call = call;
    this.#attempt = attempt;
    this.#relay = relay;
    this.#controller = controller;
    const { response } = call;
    response.writeHead(200, ['content-type', 'text/event-stream; charset=utf-8', 'cache-control', 'no-cache', 'x-frugal-request-id', call.id]);
    const socket = response.socket;
    if (socket === null) return;
    socket.cork();
    process.nextTick(() => {
      if (!this.#wrote && !response.writableEnded) response.flushHeaders();
      socket.uncork();
    });
  }

  data(chunk: Buffer): void {
    if (this.#done) return;
    const call = this.#call;
    const relay = this.#relay;
    const output = relay.push(chunk);
    if (call.timeToFirstTokenMs === null && relay.contentStarted) {
      call.timeToFirstTokenMs = call.elapsed();
      this.#attempt.timeToFirstTokenMs = performance.now() - this.#attempt.started;
    }
    if (relay.stopped) {
      this.#end(output);
      this.#controller.abort(new Error('the upstream stream could not be read'));
      return;
    }
    if (output.length === 0) return;
    this.#wrote = true;
    const { response } = call;
    if (!response.write(output) && !this.#controller.paused) {
      this.#controller.pause();
      response.once('drain', () => this.#controller.resume());
    }
  }

  end(): void {
    this.#end(this.#relay.finish());
  }

  fail(error: unknown): void {
    if (this.#done) return;
    const failure = upstreamFailure(error, this.#call.target!.provider.name, this.#gateway.config.server.timeouts);
    this.#end(this.#relay.fail(errorKindForStatus(failure.status), failure.message, String(failure.details?.['errorClass'])));
  }

  #end(output: string | Buffer): void {
    if (this.#done) return;
    this.#done = true;
    const call = this.#call;
    const attempt = this.#attempt;
    const relay = this.#relay;
    attempt.finish();
    settleAttempt(this.#gateway, attempt, call.target!, () => relay.usage());
    call.errorClass = relay.errorClass;
    attempt.errorClass ??= relay.errorClass;
    if (!call.response.destroyed) call.response.end(output);
  }
}
