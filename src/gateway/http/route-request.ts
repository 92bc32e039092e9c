import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FrugalError } from '../../errors/frugal-error.ts';
import { ANTHROPIC_MESSAGES_CLIENT } from '../client-protocols/anthropic-messages-client.ts';
import { OPENAI_CHAT_CLIENT } from '../client-protocols/openai-chat-client.ts';
import { OPENAI_EMBEDDINGS_CLIENT } from '../client-protocols/openai-embeddings-client.ts';
import { handleCountTokens } from '../endpoints/count-tokens.ts';
import { handleFeedback } from '../endpoints/feedback.ts';
import { handleHealth, handleReady } from '../endpoints/health.ts';
import type { ModelList } from '../endpoints/model-list.ts';
import { handleTask } from '../endpoints/tasks.ts';
import { handleUsage } from '../endpoints/usage.ts';
import type { Gateway } from '../gateway.ts';
import { handleModelCall } from '../handle-model-call.ts';
import type { StorageHealth } from '../storage-health.ts';
import { authenticate } from '../steps/authenticate.ts';
import { answerPlainError } from './answer-plain-error.ts';
import { sendFrugalError } from './send-frugal-error.ts';
import { sendText } from './send.ts';

const TASKS_PREFIX = '/v1/frugal/tasks/';

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new FrugalError('FRUGAL_INVALID_REQUEST', `the task id "${segment}" is not valid percent-encoding`, { field: 'taskId' });
  }
}

/**
 * The node:http request listener: one comparison per route, no framework. Model calls,
 * /v1/models and Frugal's own API sit behind the gateway key when one is configured; the
 * health probes do not.
 */
export function requestListener(gateway: Gateway, models: ModelList, health: StorageHealth) {
  const unexpected = (error: unknown) => gateway.log(`frugal gateway: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const frugalApi = (request: IncomingMessage, response: ServerResponse, work: () => Promise<void> | void) => {
    try {
      authenticate(request.headers, gateway.gatewayKey);
      const pending = work();
      if (pending !== undefined) pending.catch((error: unknown) => sendFrugalError(response, error, gateway.log));
    } catch (error) {
      sendFrugalError(response, error, gateway.log);
    }
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = request.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark === -1 ? url : url.slice(0, mark);
    if (request.method === 'POST') {
      if (path === '/v1/chat/completions') return void handleModelCall(gateway, OPENAI_CHAT_CLIENT, request, response).catch(unexpected);
      if (path === '/v1/messages') return void handleModelCall(gateway, ANTHROPIC_MESSAGES_CLIENT, request, response).catch(unexpected);
      if (path === '/v1/embeddings') return void handleModelCall(gateway, OPENAI_EMBEDDINGS_CLIENT, request, response).catch(unexpected);
      if (path === '/v1/messages/count_tokens') return void handleCountTokens(gateway, request, response).catch(unexpected);
      if (path === '/v1/frugal/feedback') return frugalApi(request, response, () => handleFeedback(gateway, request, response));
    } else if (request.method === 'GET') {
      if (path === '/healthz') return handleHealth(response);
      if (path === '/readyz') return handleReady(gateway, health, response);
      if (path === '/metrics') {
        return frugalApi(request, response, () => {
          const stats = gateway.ledger.stats();
          const text = gateway.metrics.render({ inFlight: gateway.inFlight, ledgerQueued: stats.queued, ledgerWritten: stats.written, ledgerFailedWrites: stats.failedWrites });
          sendText(response, 200, text, 'text/plain; version=0.0.4; charset=utf-8');
        });
      }
      if (path === '/v1/models') {
        try {
          authenticate(request.headers, gateway.gatewayKey);
        } catch (error) {
          return answerPlainError(request, response, randomUUID(), error);
        }
        return sendText(response, 200, request.headers['anthropic-version'] === undefined ? models.openai : models.anthropic, 'application/json');
      }
      if (path === '/v1/frugal/usage') return frugalApi(request, response, () => handleUsage(gateway, new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1)), response));
      if (path.startsWith(TASKS_PREFIX) && path.length > TASKS_PREFIX.length) {
        return frugalApi(request, response, () => handleTask(gateway, decodePathSegment(path.slice(TASKS_PREFIX.length)), response));
      }
    }
    answerPlainError(request, response, randomUUID(), new FrugalError('FRUGAL_NOT_FOUND', `Invalid URL (${request.method} ${path})`));
  };
}
