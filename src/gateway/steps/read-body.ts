import type { IncomingMessage } from 'node:http';
import { FrugalError } from '../../errors/frugal-error.ts';

function tooLarge(limit: number): FrugalError {
  return new FrugalError('FRUGAL_REQUEST_TOO_LARGE', `Request body exceeds the gateway's limit of ${limit} bytes (server.bodyLimitBytes).`, {
    errorClass: 'request_too_large',
    limit,
  });
}

/**
 * Step "parse": the request body as bytes, refused with 413 once it passes the limit (at
 * once when Content-Length says so, without reading it); the 413 answer closes the
 * connection, so the rest is never read.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        request.off('data', onData);
        request.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)));
    request.once('error', reject);
  });
}
