import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Attribution } from '../../ledger/records.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import type { ClientProtocol, RequestSummary } from '../client-protocols/client-protocol.ts';
import type { LeverCall } from '../levers/lever.ts';
import type { Attempt } from './attempt.ts';
import type { ModelTarget } from './model-target.ts';

export const NO_ATTRIBUTION: Attribution = Object.freeze({ feature: null, user: null, customer: null, task: null, session: null, properties: {} });

/**
 * One client call to a model endpoint as it walks the steps: each step fills in what it
 * learns (body, target, attempts, status), and the record step turns it into ledger rows.
 */
export class ModelCall implements LeverCall {
  readonly id = randomUUID();
  /** Epoch milliseconds, for the ledger. */
  readonly startedAt = Date.now();
  /** performance.now(), for latencies. */
  readonly started = performance.now();
  readonly protocol: ClientProtocol;
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  attribution: Attribution = NO_ATTRIBUTION;
  /** The key the client presented for the provider (bring your own key), if any. */
  clientKey: string | undefined;
  /** The key used upstream, kept only to redact it from error messages. */
  upstreamKey: string | undefined;
  body: Record<string, unknown> | undefined;
  bodyBytes: Buffer | undefined;
  summary: RequestSummary | undefined;
  target: ModelTarget | undefined;
  /** A lever replaced the request: the same-protocol path is off, the canonical request is encoded. */
  rewritten = false;
  readonly attempts: Attempt[] = [];
  /** HTTP status sent to the client. */
  status = 200;
  errorClass: string | null = null;
  timeToFirstTokenMs: number | null = null;
  #canonical: CanonicalRequest | undefined;

  constructor(protocol: ClientProtocol, request: IncomingMessage, response: ServerResponse) {
    this.protocol = protocol;
    this.request = request;
    this.response = response;
  }

  get clientProtocol(): string {
    return this.protocol.name;
  }

  /** The canonical request, decoded on first use (the same-protocol path never needs it). */
  get canonical(): CanonicalRequest {
    if (this.#canonical === undefined) {
      if (this.protocol.decode === undefined || this.body === undefined) {
        throw new Error(`the ${this.protocol.name} endpoint has no canonical request`);
      }
      this.#canonical = this.protocol.decode(this.body);
    }
    return this.#canonical;
  }

  rewrite(request: CanonicalRequest): void {
    this.#canonical = request;
    this.rewritten = true;
  }

  /**
   * The request has been encoded for upstream: its parsed body and canonical form are no
   * longer needed, and a stream that runs for minutes must not hold them.
   */
  releaseBody(): void {
    this.body = undefined;
    this.bodyBytes = undefined;
    this.#canonical = undefined;
  }

  /** Milliseconds since the request arrived. */
  elapsed(): number {
    return performance.now() - this.started;
  }
}
