/**
 * The client's own ceiling: a bare TCP server that frames each request by its content-length and
 * answers a fixed HTTP response (the same 150-byte JSON body as the node:http baseline), without
 * any HTTP library. Measured by the same client on the same machine.
 */
import { createServer, type AddressInfo } from 'node:net';

const body = JSON.stringify({ id: 'baseline', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'x'.repeat(80) } }] });
const answer = Buffer.from(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: keep-alive\r\n\r\n${body}`);
const server = createServer({ noDelay: true }, (socket) => {
  let pending: Buffer = Buffer.alloc(0);
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const headEnd = pending.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const length = /content-length: *(\d+)/i.exec(pending.toString('latin1', 0, headEnd));
      const end = headEnd + 4 + (length === null ? 0 : Number(length[1]));
      if (pending.length < end) return;
      socket.write(answer);
      pending = pending.subarray(end);
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
