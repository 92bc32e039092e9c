import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { Exchange } from './exchange.ts';
import { HttpConnection } from './http-connection.ts';
import { NodeReply } from './node-reply.ts';
import { readBody } from './read-body.ts';

export interface EmulatorServer {
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
}

const KEEP_ALIVE_MILLISECONDS = 65_000;
const NO_QUERY = new URLSearchParams();

/** node:http's side: the same exchange, built from its request and answered through its response. */
function nodeListener(serve: (exchange: Exchange) => void) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = request.url ?? '/';
    const mark = url.indexOf('?');
    readBody(
      request,
      (body) =>
        serve({
          method: request.method ?? 'GET',
          path: mark === -1 ? url : url.slice(0, mark),
          query: mark === -1 ? NO_QUERY : new URLSearchParams(url.slice(mark + 1)),
          headers: request.headers,
          body,
          reply: new NodeReply(response),
        }),
      () => response.destroy(),
    );
  };
}

/**
 * The emulator's HTTP/1.1 server: a TCP server whose connections run the emulator's own request
 * loop (see HttpConnection), with node:http behind it for the requests that loop hands over.
 */
export function createEmulatorServer(serve: (exchange: Exchange) => void): EmulatorServer {
  const fallback = createHttpServer({ keepAlive: true, noDelay: true }, nodeListener(serve));
  fallback.keepAliveTimeout = KEEP_ALIVE_MILLISECONDS;
  fallback.headersTimeout = KEEP_ALIVE_MILLISECONDS + 1000;
  fallback.requestTimeout = 0;
  const sockets = new Set<Socket>();
  const handOver = (socket: Socket) => fallback.emit('connection', socket);
  const server = createNetServer({ noDelay: true, keepAlive: true, allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    new HttpConnection(socket, { serve, handOver, keepAliveMilliseconds: KEEP_ALIVE_MILLISECONDS });
  });
  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
