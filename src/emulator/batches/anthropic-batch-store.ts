import { anthropicError } from '../../protocols/errors/anthropic-error-body.ts';
import type { ErrorKind } from '../../protocols/errors/error-kind.ts';
import { protocolError } from '../../protocols/errors/protocol-error.ts';
import type { IdGenerator } from '../id-generator.ts';
import { seededRandom } from '../seeded-random.ts';
import type { BatchExecutor } from './batch-executor.ts';
import { PHASES, requestFinishesAt, type BatchTiming } from './batch-timing.ts';

interface BatchRequest {
  customId: string;
  params: unknown;
  slot: number;
}

interface Counts {
  processing: number;
  succeeded: number;
  errored: number;
  canceled: number;
  expired: number;
}

export interface AnthropicBatch {
  id: string;
  apiKey: string;
  createdAt: number;
  requests: BatchRequest[];
  cancelledAt?: number;
  results?: Promise<{ lines: string; counts: Counts }>;
}

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const MAXIMUM_REQUESTS = 100_000;

function fail(kind: ErrorKind, message: string): never {
  throw protocolError(message, { protocol: 'anthropic-messages', ...anthropicError({ kind, message }) });
}

const instant = (milliseconds: number) => new Date(milliseconds).toISOString();

/**
 * Anthropic Message Batches: in_progress → ended (canceling → ended on cancel). Each result is
 * succeeded (the message), errored (the error the request would get live), canceled (cancelled
 * before it ran) or expired (not run within 24 hours). Results come in finishing order.
 */
export class AnthropicBatchStore {
  readonly #batches = new Map<string, AnthropicBatch>();
  readonly #ids: IdGenerator;
  readonly #timing: BatchTiming;
  readonly #execute: BatchExecutor;
  readonly #seed: number;

  constructor(ids: IdGenerator, timing: BatchTiming, execute: BatchExecutor, seed: number) {
    this.#ids = ids;
    this.#timing = timing;
    this.#execute = execute;
    this.#seed = seed;
  }

  create(apiKey: string, body: Record<string, unknown>, now: number): AnthropicBatch {
    const requests = body.requests;
    if (!Array.isArray(requests) || requests.length === 0) fail('invalid_request', 'requests: Field required and must be a non-empty list');
    if (requests.length > MAXIMUM_REQUESTS) fail('invalid_request', `requests: at most ${MAXIMUM_REQUESTS} requests per batch, got ${requests.length}`);
    const seen = new Set<string>();
    const random = seededRandom(this.#seed ^ (this.#batches.size + 1) * 2654435761);
    const parsed: BatchRequest[] = requests.map((request: unknown, index) => {
      const item = request as { custom_id?: unknown; params?: unknown } | null;
      const customId = item?.custom_id;
      if (typeof customId !== 'string' || !CUSTOM_ID.test(customId)) {
        fail('invalid_request', `requests.${index}.custom_id: must be 1 to 64 letters, digits, underscores or hyphens`);
      }
      if (seen.has(customId)) fail('invalid_request', `requests.${index}.custom_id: duplicate custom_id "${customId}"`);
      seen.add(customId);
      if (typeof item?.params !== 'object' || item.params === null) fail('invalid_request', `requests.${index}.params: Field required`);
      return { customId, params: item.params, slot: random.next() };
    });
    const batch: AnthropicBatch = { id: this.#ids.next('msgbatch_01', 22), apiKey, createdAt: now, requests: parsed };
    this.#batches.set(batch.id, batch);
    return batch;
  }

  get(apiKey: string, id: string): AnthropicBatch {
    const batch = this.#batches.get(id);
    if (batch === undefined || batch.apiKey !== apiKey) fail('not_found', `No batch found with id ${id}`);
    return batch;
  }

  list(apiKey: string): AnthropicBatch[] {
    return [...this.#batches.values()].filter((batch) => batch.apiKey === apiKey).reverse();
  }

  cancel(batch: AnthropicBatch, now: number): void {
    if (this.#endedAt(batch) <= now) fail('invalid_request', `Batch ${batch.id} has already ended and cannot be canceled`);
    batch.cancelledAt ??= now;
  }

  delete(batch: AnthropicBatch, now: number): void {
    if (this.#endedAt(batch) > now) fail('invalid_request', `Batch ${batch.id} cannot be deleted while it is in progress; cancel it first`);
    this.#batches.delete(batch.id);
  }

  clear(): void {
    this.#batches.clear();
  }

  #expiresAt(batch: AnthropicBatch): number {
    return batch.createdAt + this.#timing.expireAfterMilliseconds;
  }

  #endedAt(batch: AnthropicBatch): number {
    if (batch.cancelledAt !== undefined) {
      return batch.cancelledAt + this.#timing.completionDelayMilliseconds * PHASES.validatingUntil;
    }
    return Math.min(batch.createdAt + this.#timing.completionDelayMilliseconds, this.#expiresAt(batch));
  }

  /** The results JSONL once the batch has ended; undefined while it is still processing. */
  async results(batch: AnthropicBatch, now: number): Promise<string | undefined> {
    if (this.#endedAt(batch) > now) return undefined;
    return (await this.#produce(batch)).lines;
  }

  #produce(batch: AnthropicBatch): Promise<{ lines: string; counts: Counts }> {
    batch.results ??= (async () => {
      const counts: Counts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
      const stop = batch.cancelledAt ?? this.#expiresAt(batch);
      const ordered = batch.requests
        .map((request) => ({ request, finishesAt: requestFinishesAt(batch.createdAt, this.#timing, request.slot) }))
        .sort((left, right) => left.finishesAt - right.finishesAt);
      const lines: string[] = [];
      for (const { request, finishesAt } of ordered) {
        let result: unknown;
        if (finishesAt > stop) {
          const type = batch.cancelledAt !== undefined ? 'canceled' : 'expired';
          counts[type]++;
          result = { type };
        } else {
          const answer = await this.#execute('/v1/messages', request.params, batch.apiKey);
          if (answer.status < 400) {
            counts.succeeded++;
            result = { type: 'succeeded', message: answer.body };
          } else {
            counts.errored++;
            result = { type: 'errored', error: answer.body };
          }
        }
        lines.push(JSON.stringify({ custom_id: request.customId, result }));
      }
      return { lines: `${lines.join('\n')}\n`, counts };
    })();
    return batch.results;
  }

  /** The MessageBatch object at time `now`; `resultsUrl` is where the client fetches results. */
  async view(batch: AnthropicBatch, now: number, resultsUrl: string) {
    const endedAt = this.#endedAt(batch);
    const ended = endedAt <= now;
    const counts: Counts = ended
      ? (await this.#produce(batch)).counts
      : { processing: batch.requests.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    return {
      id: batch.id,
      type: 'message_batch' as const,
      processing_status: ended ? 'ended' : batch.cancelledAt !== undefined ? 'canceling' : 'in_progress',
      request_counts: counts,
      ended_at: ended ? instant(endedAt) : null,
      created_at: instant(batch.createdAt),
      expires_at: instant(this.#expiresAt(batch)),
      archived_at: null,
      cancel_initiated_at: batch.cancelledAt === undefined ? null : instant(batch.cancelledAt),
      results_url: ended ? resultsUrl : null,
    };
  }
}
