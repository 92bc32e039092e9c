import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderError } from '../errors/render-error.ts';
import { sniffProtocol } from './sniff-protocol.ts';

/** A failure outside a model call (unknown path, bad gateway key on /v1/models) in the shape the client's SDK reads. */
export function answerPlainError(request: IncomingMessage, response: ServerResponse, requestId: string, error: unknown): void {
  const answer = renderError(sniffProtocol(request.headers), requestId, error, []);
  response.writeHead(answer.status, { 'content-type': 'application/json', 'x-frugal-request-id': requestId });
  response.end(answer.body);
}
