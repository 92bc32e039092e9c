import { connect, type Socket } from 'node:net';

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Answers whose status was not 200. */
  failures: number;
}

/**
 * A closed-loop HTTP/1.1 keep-alive load: `connections` sockets, each sending the next request as
 * soon as the previous answer is complete (the same request, or the next of `requests` in turn).
 * Answers are framed by Content-Length or by the end of a chunked body; nothing else is parsed,
 * so the client stays far cheaper than the server.
 */
export function loopbackLoad(port: number, requests: Buffer | readonly Buffer[], connections: number, milliseconds: number): Promise<LoadResult> {
  const list = Buffer.isBuffer(requests) ? [requests] : requests;
  let sent = 0;
  const next = () => list[sent++ % list.length] as Buffer;
  return new Promise((resolve, reject) => {
    let completed = 0;
    let failures = 0;
    let counting = true;
    const sockets: Socket[] = [];
    const started = process.hrtime.bigint();
    for (let index = 0; index < connections; index++) {
      const socket = connect({ port, host: '127.0.0.1', noDelay: true });
      sockets.push(socket);
      let pending: Buffer = Buffer.alloc(0);
      socket.on('connect', () => socket.write(next()));
      socket.on('error', (error) => counting && reject(error));
      socket.on('data', (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        for (;;) {
          const headerEnd = pending.indexOf('\r\n\r\n');
          if (headerEnd === -1) return;
          const head = pending.toString('latin1', 0, headerEnd);
          const lengthMatch = /content-length: (\d+)/i.exec(head);
          let end: number;
          if (lengthMatch !== null) {
            end = headerEnd + 4 + Number(lengthMatch[1]);
            if (pending.length < end) return;
          } else {
            const terminator = pending.indexOf('\r\n0\r\n\r\n', headerEnd);
            if (terminator === -1) return;
            end = terminator + 7;
          }
          if (!head.startsWith('HTTP/1.1 200')) failures++;
          pending = pending.subarray(end);
          if (counting) {
            completed++;
            socket.write(next());
          }
        }
      });
    }
    setTimeout(() => {
      counting = false;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      for (const socket of sockets) socket.destroy();
      resolve({ requests: completed, seconds, requestsPerSecond: completed / seconds, failures });
    }, milliseconds);
  });
}

/** A raw HTTP/1.1 POST with a JSON body and the given headers. */
export function rawPost(path: string, headers: Record<string, string>, body: unknown): Buffer {
  const text = JSON.stringify(body);
  let head = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: keep-alive\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  return Buffer.from(`${head}\r\n${text}`);
}
