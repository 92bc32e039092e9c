import type { IncomingMessage, ServerResponse } from 'node:http';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { OutcomeRecord } from '../../ledger/records.ts';
import type { Gateway } from '../gateway.ts';
import { sendJson } from '../http/send.ts';
import { readBody } from '../steps/read-body.ts';

const FEEDBACK_BODY_LIMIT = 64 * 1024;
const NOTE_LIMIT = 2_000;

function invalid(message: string, field: string): FrugalError {
  return new FrugalError('FRUGAL_INVALID_REQUEST', message, { field });
}

function identifier(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.includes('\u0000')) throw invalid(`${field} must be a non-empty string`, field);
  return value;
}

/** The body of POST /v1/frugal/feedback as an outcome record, or FRUGAL_INVALID_REQUEST naming the field. */
export function readFeedback(body: unknown, now: number): OutcomeRecord {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('the body must be a JSON object: { requestId | taskId, success, score?, note? }', 'body');
  const fields = body as Record<string, unknown>;
  const requestId = identifier(fields['requestId'], 'requestId');
  const taskId = identifier(fields['taskId'], 'taskId');
  if ((requestId === undefined) === (taskId === undefined)) throw invalid('give exactly one of requestId (one request) or taskId (a whole task)', 'requestId');
  if (typeof fields['success'] !== 'boolean') throw invalid('success must be true or false', 'success');
  const outcome = { success: fields['success'], source: 'feedback' as const, recordedAt: now };
  const score = fields['score'];
  if (score !== undefined && (typeof score !== 'number' || !Number.isFinite(score))) throw invalid('score must be a finite number', 'score');
  const note = fields['note'];
  if (note !== undefined && (typeof note !== 'string' || note.length > NOTE_LIMIT || note.includes('\u0000'))) {
    throw invalid(`note must be a string of at most ${NOTE_LIMIT} characters`, 'note');
  }
  const extra = { ...(score === undefined ? {} : { score }), ...(note === undefined ? {} : { note: note as string }) };
  return requestId !== undefined ? { ...outcome, ...extra, requestId } : { ...outcome, ...extra, taskId: taskId! };
}

/** POST /v1/frugal/feedback: the app says whether a request or a task succeeded. */
export async function handleFeedback(gateway: Gateway, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const bytes = await readBody(request, FEEDBACK_BODY_LIMIT);
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid('the body is not valid JSON', 'body');
  }
  const outcome = readFeedback(body, Date.now());
  await gateway.ledger.flush();
  const result = await gateway.ledger.recordOutcome(outcome);
  sendJson(response, 200, { recorded: true, appliedTo: result.appliedTo });
}
