import { openAIError } from '../../protocols/errors/openai-error-body.ts';
import type { ErrorKind } from '../../protocols/errors/error-kind.ts';
import { protocolError } from '../../protocols/errors/protocol-error.ts';
import type { IdGenerator } from '../id-generator.ts';
import { seededRandom } from '../seeded-random.ts';
import type { BatchExecutor } from './batch-executor.ts';
import { PHASES, requestFinishesAt, type BatchTiming } from './batch-timing.ts';
import type { FileStore } from './file-store.ts';

export const BATCH_ENDPOINTS = ['/v1/chat/completions', '/v1/embeddings'] as const;

interface BatchLine {
  customId: string;
  body: unknown;
  /** Where in the in-progress window this request finishes, in [0, 1). */
  slot: number;
}

interface LineError {
  code: string;
  message: string;
  param: string | null;
  line: number;
}

interface Outcome {
  outputFileId: string | null;
  errorFileId: string | null;
  completed: number;
  failed: number;
  usage: { input: number; cached: number; output: number; reasoning: number };
}

export interface OpenAIBatch {
  id: string;
  apiKey: string;
  endpoint: string;
  inputFileId: string;
  completionWindow: string;
  metadata: Record<string, string> | null;
  createdAt: number;
  lines: BatchLine[];
  lineErrors: LineError[];
  cancelledAt?: number;
  outcome?: Promise<Outcome>;
}

function fail(kind: ErrorKind, message: string, param: string | null = null): never {
  throw protocolError(message, { protocol: 'openai-chat', ...openAIError({ kind, message, param }) });
}

const seconds = (milliseconds: number | undefined) => (milliseconds === undefined ? null : Math.floor(milliseconds / 1000));

/**
 * OpenAI Batch API: validating → in_progress → finalizing → completed (or failed when the input
 * file is malformed, cancelling → cancelled, expired). Phases are computed from the clock on every
 * read, so a test drives a batch by advancing time. Results are produced once, when first needed,
 * in the order requests finished (not the input order).
 */
export class OpenAIBatchStore {
  readonly #batches = new Map<string, OpenAIBatch>();
  readonly #files: FileStore;
  readonly #ids: IdGenerator;
  readonly #timing: BatchTiming;
  readonly #execute: BatchExecutor;
  readonly #seed: number;

  constructor(files: FileStore, ids: IdGenerator, timing: BatchTiming, execute: BatchExecutor, seed: number) {
    this.#files = files;
    this.#ids = ids;
    this.#timing = timing;
    this.#execute = execute;
    this.#seed = seed;
  }

  create(apiKey: string, body: Record<string, unknown>, now: number): OpenAIBatch {
    const { input_file_id: inputFileId, endpoint, completion_window: completionWindow, metadata } = body;
    if (typeof inputFileId !== 'string') fail('invalid_request', "Missing required parameter: 'input_file_id'.", 'input_file_id');
    if (typeof endpoint !== 'string' || !(BATCH_ENDPOINTS as readonly string[]).includes(endpoint)) {
      fail('invalid_request', `Invalid value for 'endpoint': expected one of ${BATCH_ENDPOINTS.join(', ')}.`, 'endpoint');
    }
    if (completionWindow !== '24h') fail('invalid_request', "Invalid value for 'completion_window': expected '24h'.", 'completion_window');
    const file = this.#files.get(apiKey, inputFileId);
    if (file === undefined) fail('not_found', `No such File object: ${inputFileId}`, 'input_file_id');
    if (file.purpose !== 'batch') fail('invalid_request', `File ${inputFileId} has purpose '${file.purpose}'; a batch input file needs purpose 'batch'.`, 'input_file_id');
    const id = this.#ids.next('batch_', 32);
    const random = seededRandom(this.#seed ^ this.#batches.size);
    const { lines, lineErrors } = parseInput(file.content.toString('utf8'), endpoint, () => random.next());
    const batch: OpenAIBatch = {
      id,
      apiKey,
      endpoint,
      inputFileId,
      completionWindow,
      metadata: (metadata as Record<string, string> | undefined) ?? null,
      createdAt: now,
      lines,
      lineErrors,
    };
    this.#batches.set(id, batch);
    return batch;
  }

  get(apiKey: string, id: string): OpenAIBatch {
    const batch = this.#batches.get(id);
    if (batch === undefined || batch.apiKey !== apiKey) fail('not_found', `No batch found with id '${id}'.`);
    return batch;
  }

  list(apiKey: string): OpenAIBatch[] {
    return [...this.#batches.values()].filter((batch) => batch.apiKey === apiKey).reverse();
  }

  cancel(batch: OpenAIBatch, now: number): void {
    const status = this.#status(batch, now);
    if (status === 'completed' || status === 'failed' || status === 'expired' || status === 'cancelled') {
      fail('invalid_request', `Cannot cancel a batch with status '${status}'.`);
    }
    batch.cancelledAt ??= now;
  }

  clear(): void {
    this.#batches.clear();
  }

  #finishedAt(batch: OpenAIBatch): number {
    return batch.createdAt + this.#timing.completionDelayMilliseconds;
  }

  #cancelDoneAt(batch: OpenAIBatch): number {
    return (batch.cancelledAt as number) + this.#timing.completionDelayMilliseconds * PHASES.validatingUntil;
  }

  #status(batch: OpenAIBatch, now: number): string {
    const elapsed = now - batch.createdAt;
    const delay = this.#timing.completionDelayMilliseconds;
    if (batch.lineErrors.length > 0 && elapsed >= delay * PHASES.validatingUntil) return 'failed';
    if (batch.cancelledAt !== undefined) return now >= this.#cancelDoneAt(batch) ? 'cancelled' : 'cancelling';
    if (elapsed >= this.#timing.expireAfterMilliseconds && delay > this.#timing.expireAfterMilliseconds) return 'expired';
    if (elapsed < delay * PHASES.validatingUntil) return 'validating';
    if (elapsed < delay * PHASES.inProgressUntil) return 'in_progress';
    if (elapsed < delay) return 'finalizing';
    return 'completed';
  }

  /** Runs every request finished by `until` (once) and writes the output and error files. */
  #outcome(batch: OpenAIBatch, until: number): Promise<Outcome> {
    batch.outcome ??= this.#produce(batch, until);
    return batch.outcome;
  }

  async #produce(batch: OpenAIBatch, until: number): Promise<Outcome> {
    const ordered = batch.lines
      .map((line) => ({ line, finishesAt: requestFinishesAt(batch.createdAt, this.#timing, line.slot) }))
      .sort((left, right) => left.finishesAt - right.finishesAt);
    const output: string[] = [];
    const errors: string[] = [];
    const usage = { input: 0, cached: 0, output: 0, reasoning: 0 };
    let completed = 0;
    let failed = 0;
    const stoppedBy = batch.cancelledAt !== undefined ? 'batch_cancelled' : 'batch_expired';
    for (const { line, finishesAt } of ordered) {
      const requestId = this.#ids.next('batch_req_', 32);
      if (finishesAt > until) {
        const message = stoppedBy === 'batch_cancelled' ? 'This request was cancelled.' : 'This request could not be executed before the completion window expired.';
        errors.push(JSON.stringify({ id: requestId, custom_id: line.customId, response: null, error: { code: stoppedBy, message } }));
        failed++;
        continue;
      }
      const result = await this.#execute(batch.endpoint, line.body, batch.apiKey);
      const record = JSON.stringify({
        id: requestId,
        custom_id: line.customId,
        response: { status_code: result.status, request_id: result.headers['x-request-id'] ?? this.#ids.next('req_', 32), body: result.body },
        error: null,
      });
      if (result.status >= 400) {
        errors.push(record);
        failed++;
      } else {
        output.push(record);
        completed++;
        addUsage(usage, (result.body as { usage?: Record<string, unknown> }).usage);
      }
    }
    const now = Math.max(until, batch.createdAt);
    const outputFile = output.length > 0 ? this.#files.create(batch.apiKey, 'batch_output.jsonl', 'batch_output', Buffer.from(`${output.join('\n')}\n`), now) : undefined;
    const errorFile = errors.length > 0 ? this.#files.create(batch.apiKey, 'batch_errors.jsonl', 'batch_output', Buffer.from(`${errors.join('\n')}\n`), now) : undefined;
    return { outputFileId: outputFile?.id ?? null, errorFileId: errorFile?.id ?? null, completed, failed, usage };
  }

  /** The batch object as GET /v1/batches/{id} returns it at time `now`. */
  async view(batch: OpenAIBatch, now: number) {
    const status = this.#status(batch, now);
    const delay = this.#timing.completionDelayMilliseconds;
    const total = batch.lines.length + batch.lineErrors.length;
    const view = {
      id: batch.id,
      object: 'batch' as const,
      endpoint: batch.endpoint,
      errors: batch.lineErrors.length > 0 && status === 'failed' ? { object: 'list', data: batch.lineErrors } : null,
      input_file_id: batch.inputFileId,
      completion_window: batch.completionWindow,
      status,
      output_file_id: null as string | null,
      error_file_id: null as string | null,
      created_at: seconds(batch.createdAt),
      in_progress_at: status === 'validating' || status === 'failed' ? null : seconds(batch.createdAt + delay * PHASES.validatingUntil),
      expires_at: seconds(batch.createdAt + this.#timing.expireAfterMilliseconds),
      finalizing_at: status === 'finalizing' || status === 'completed' ? seconds(batch.createdAt + delay * PHASES.inProgressUntil) : null,
      completed_at: status === 'completed' ? seconds(this.#finishedAt(batch)) : null,
      failed_at: status === 'failed' ? seconds(batch.createdAt + delay * PHASES.validatingUntil) : null,
      expired_at: status === 'expired' ? seconds(batch.createdAt + this.#timing.expireAfterMilliseconds) : null,
      cancelling_at: seconds(batch.cancelledAt),
      cancelled_at: status === 'cancelled' ? seconds(this.#cancelDoneAt(batch)) : null,
      request_counts: { total: status === 'failed' ? 0 : total, completed: 0, failed: 0 },
      usage: { input_tokens: 0, input_tokens_details: { cached_tokens: 0 }, output_tokens: 0, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 0 },
      metadata: batch.metadata,
    };
    if (status === 'completed' || status === 'cancelled' || status === 'expired') {
      const until =
        status === 'completed' ? this.#finishedAt(batch) : status === 'cancelled' ? (batch.cancelledAt as number) : batch.createdAt + this.#timing.expireAfterMilliseconds;
      const outcome = await this.#outcome(batch, until);
      view.output_file_id = outcome.outputFileId;
      view.error_file_id = outcome.errorFileId;
      view.request_counts = { total, completed: outcome.completed, failed: outcome.failed };
      const { input, cached, output, reasoning } = outcome.usage;
      view.usage = {
        input_tokens: input,
        input_tokens_details: { cached_tokens: cached },
        output_tokens: output,
        output_tokens_details: { reasoning_tokens: reasoning },
        total_tokens: input + output,
      };
    }
    return view;
  }
}

function addUsage(total: Outcome['usage'], usage: Record<string, unknown> | undefined): void {
  if (usage === undefined) return;
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  total.input += number(usage.prompt_tokens);
  total.output += number(usage.completion_tokens);
  total.cached += number((usage.prompt_tokens_details as Record<string, unknown> | undefined)?.cached_tokens);
  total.reasoning += number((usage.completion_tokens_details as Record<string, unknown> | undefined)?.reasoning_tokens);
}

/** Reads the JSONL input file: one `{custom_id, method, url, body}` per line, urls matching the endpoint. */
function parseInput(text: string, endpoint: string, slot: () => number): { lines: BatchLine[]; lineErrors: LineError[] } {
  const lines: BatchLine[] = [];
  const lineErrors: LineError[] = [];
  const seen = new Set<string>();
  const rows = text.split('\n');
  for (let index = 0; index < rows.length; index++) {
    const row = (rows[index] as string).trim();
    if (row === '') continue;
    const line = index + 1;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(row);
    } catch {
      lineErrors.push({ code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.', param: null, line });
      continue;
    }
    if (typeof record.custom_id !== 'string') {
      lineErrors.push({ code: 'missing_required_parameter', message: "Missing required parameter: 'custom_id'.", param: 'custom_id', line });
    } else if (seen.has(record.custom_id)) {
      lineErrors.push({ code: 'duplicate_custom_id', message: `The custom_id '${record.custom_id}' is used more than once.`, param: 'custom_id', line });
    } else if (record.method !== 'POST') {
      lineErrors.push({ code: 'invalid_method', message: "Invalid value for 'method': expected 'POST'.", param: 'method', line });
    } else if (record.url !== endpoint) {
      lineErrors.push({ code: 'mismatched_url', message: `The url '${String(record.url)}' does not match the batch endpoint '${endpoint}'.`, param: 'url', line });
    } else if (typeof record.body !== 'object' || record.body === null) {
      lineErrors.push({ code: 'missing_required_parameter', message: "Missing required parameter: 'body'.", param: 'body', line });
    } else {
      seen.add(record.custom_id);
      lines.push({ customId: record.custom_id, body: record.body, slot: slot() });
    }
  }
  if (lines.length === 0 && lineErrors.length === 0) {
    lineErrors.push({ code: 'empty_file', message: 'The input file is empty.', param: null, line: 1 });
  }
  return { lines, lineErrors };
}
