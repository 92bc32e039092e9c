/**
 * The ceiling for the emulator figures: a bare node:http keep-alive server that answers every
 * request with a fixed small JSON body, measured by the same client on the same machine.
 */
import { createServer } from 'node:http';

const body = JSON.stringify({ id: 'baseline', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'x'.repeat(80) } }] });
createServer({ keepAlive: true }, (request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    response.end(body);
  });
}).listen(0, '127.0.0.1', function (this: import('node:net').Server) {
  const address = this.address() as import('node:net').AddressInfo;
  console.log(`listening on http://127.0.0.1:${address.port}`);
});
