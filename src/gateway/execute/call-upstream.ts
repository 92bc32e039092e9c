import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { FrugalError } from '../../errors/frugal-error.ts';
import { upstreamFailure } from '../../providers/upstream/upstream-failure.ts';
import type { UpstreamProvider } from '../../providers/upstream-provider.ts';
import type { Attempt } from '../call/attempt.ts';
import type { Gateway } from '../gateway.ts';
import { upstreamHttpError } from './upstream-http-error.ts';
import type { UpstreamRequest } from './upstream-request.ts';

/** A 2xx answer read whole. */
export interface WholeAnswer {
  status: number;
  body: Buffer;
}

/** Takes a streamed 2xx answer's body as it arrives; never throws. */
export interface UpstreamBodySink {
  data(chunk: Buffer): void;
  end(): void;
  /** The connection failed once the answer had started. */
  fail(error: unknown): void;
}

/** Starts the sink for a streamed answer once its 2xx status is known. */
export type StartStream = (controller: Dispatcher.DispatchController) => UpstreamBodySink;

const NO_BODY = Buffer.alloc(0);

/** What an abandoned call fails with: an AbortError, which upstreamFailure classes as `client_disconnected`. */
function clientGone(): DOMException {
  return new DOMException('the client disconnected', 'AbortError');
}

/**
 * Sends one attempt over the pooled keep-alive connections. A 2xx answer is read whole
 * (resolved with its bytes) or, with `startStream`, handed chunk by chunk to a sink as it
 * arrives (resolved once the sink has ended). A transport failure or timeout before the
 * answer started, or a 4xx/5xx answer, is noted on the attempt and rejected as a
 * FrugalError. A client that disconnects (`client` closes before it was answered) aborts
 * the upstream call.
 */
export function callUpstream(
  gateway: Gateway,
  attempt: Attempt,
  provider: UpstreamProvider,
  request: UpstreamRequest,
  apiKey: string,
  client?: ServerResponse,
  startStream?: StartStream,
): Promise<WholeAnswer> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...provider.adapter.authHeaders(apiKey),
    // After the defaults, so a client's own protocol version (e.g. anthropic-version) wins; only
    // the adapter's allow-listed headers are forwarded, never credentials.
    ...request.forwarded,
    ...provider.config.headers,
  };
  return new Promise((resolve, reject) => {
    const handler = new UpstreamHandler(gateway, attempt, provider, resolve, reject, startStream);
    if (client !== undefined) {
      client.once('close', () => {
        if (!client.writableFinished) handler.abort();
      });
    }
    gateway.pool.dispatch({ origin: provider.origin, path: provider.basePath + request.path, method: 'POST', headers, body: request.body }, handler);
  });
}

/** One upstream exchange, on undici's handler interface: no stream objects between the socket and the gateway. */
class UpstreamHandler implements Dispatcher.DispatchHandler {
  readonly #gateway: Gateway;
  readonly #attempt: Attempt;
  readonly #provider: UpstreamProvider;
  readonly #resolve: (answer: WholeAnswer) => void;
  readonly #reject: (error: FrugalError) => void;
  readonly #startStream: StartStream | undefined;
  #controller: Dispatcher.DispatchController | undefined;
  #aborted = false;
  #settled = false;
  #status = 0;
  #headers: IncomingHttpHeaders = {};
  #chunks: Buffer[] = [];
  #length = 0;
  #sink: UpstreamBodySink | undefined;

  constructor(
    gateway: Gateway,
    attempt: Attempt,
    provider: UpstreamProvider,
    resolve: (answer: WholeAnswer) => void,
    reject: (error: FrugalError) => void,
    startStream: StartStream | undefined,
  ) {
    this.#gateway = gateway;
    this.#attempt = attempt;
    this.#provider = provider;
    this.#resolve = resolve;
    this.#reject = reject;
    this.#startStream = startStream;
  }

  /** The client left: the call is abandoned (at once, or as soon as it leaves the queue). */
  abort(): void {
    this.#aborted = true;
    if (this.#controller !== undefined && !this.#settled) this.#controller.abort(clientGone());
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#aborted) controller.abort(clientGone());
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.#attempt.status = statusCode;
    this.#status = statusCode;
    this.#headers = headers;
    if (statusCode < 400 && this.#startStream !== undefined) this.#sink = this.#startStream(controller);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#sink !== undefined) {
      this.#sink.data(chunk);
      return;
    }
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    this.#settled = true;
    if (this.#sink !== undefined) {
      this.#sink.end();
      this.#resolve({ status: this.#status, body: NO_BODY });
      return;
    }
    const chunks = this.#chunks;
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, this.#length);
    this.#chunks = [];
    if (this.#status >= 400) {
      this.#reject(this.#failed(upstreamHttpError(this.#provider, this.#status, this.#headers, body)));
      return;
    }
    this.#attempt.finish();
    this.#resolve({ status: this.#status, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#chunks = [];
    if (this.#sink !== undefined) {
      this.#sink.fail(error);
      this.#resolve({ status: this.#status, body: NO_BODY });
      return;
    }
    this.#reject(this.#failed(upstreamFailure(error, this.#provider.name, this.#gateway.config.server.timeouts)));
  }

  #failed(error: FrugalError): FrugalError {
    this.#attempt.finish();
    this.#attempt.errorClass = String(error.details?.['errorClass'] ?? 'upstream_error');
    return error;
  }
}
