import type { IncomingMessage } from 'node:http';

/** Calls `done` with the request body as bytes; small bodies arrive in one chunk and are not copied. */
export function readBody(request: IncomingMessage, done: (body: Buffer) => void, failed: () => void): void {
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  request.on('data', (chunk: Buffer) => {
    if (first === undefined) first = chunk;
    else (more ??= [first]).push(chunk);
  });
  request.on('end', () => done(more !== undefined ? Buffer.concat(more) : (first ?? Buffer.alloc(0))));
  request.on('error', failed);
}
