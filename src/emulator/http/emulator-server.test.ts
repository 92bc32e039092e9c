import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { createEmulatorServer, type EmulatorServer } from './emulator-server.ts';
import type { Exchange } from './exchange.ts';

/** Echoes what the handler saw, so both servers (own loop and node:http) can be compared. */
function echo(exchange: Exchange): void {
  const seen = {
    method: exchange.method,
    path: exchange.path,
    query: exchange.query.toString(),
    host: exchange.headers.host,
    custom: exchange.headers['x-custom'] ?? null,
    bodyBytes: exchange.body.byteLength,
    bodySha1: createHash('sha1').update(exchange.body).digest('hex'),
  };
  if (exchange.path === '/whole-stream') {
    exchange.reply.sendStream(200, { 'content-type': 'text/event-stream' }, 'data: all\n\ndata: at once\n\n');
    return;
  }
  if (exchange.path === '/stream') {
    exchange.reply.start(200, { 'content-type': 'text/event-stream' });
    exchange.reply.write('data: one\n\n');
    setTimeout(() => {
      exchange.reply.write('data: twö\n\n');
      exchange.reply.end();
    }, 5);
    return;
  }
  exchange.reply.send(200, { 'content-type': 'application/json' }, JSON.stringify(seen));
}

let server: EmulatorServer;
let port: number;
before(async () => {
  server = createEmulatorServer(echo);
  port = (await server.listen(0, '127.0.0.1')).port;
});
after(() => server.close());

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reads complete HTTP/1.1 answers (content-length or chunked) from raw bytes. */
function parseAnswers(bytes: Buffer): { answers: Answer[]; rest: Buffer } {
  const answers: Answer[] = [];
  let rest = bytes;
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) break;
    const [statusLine = '', ...lines] = rest.toString('latin1', 0, headEnd).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) headers[line.slice(0, line.indexOf(':')).toLowerCase()] = line.slice(line.indexOf(':') + 1).trim();
    const status = Number(statusLine.split(' ')[1]);
    let position = headEnd + 4;
    let body: Buffer;
    if (headers['content-length'] !== undefined) {
      const end = position + Number(headers['content-length']);
      if (rest.length < end) break;
      body = rest.subarray(position, end);
      position = end;
    } else if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      let complete = false;
      for (;;) {
        const sizeEnd = rest.indexOf('\r\n', position);
        if (sizeEnd === -1) break;
        const size = parseInt(rest.toString('latin1', position, sizeEnd), 16);
        if (rest.length < sizeEnd + 2 + size + 2) break;
        parts.push(rest.subarray(sizeEnd + 2, sizeEnd + 2 + size));
        position = sizeEnd + 2 + size + 2;
        if (size === 0) {
          complete = true;
          break;
        }
      }
      if (!complete) break;
      body = Buffer.concat(parts);
    } else if (status === 100) {
      body = Buffer.alloc(0);
    } else if (headers.connection === 'close') {
      // node:http's own 400 has no length: the answer ends with the connection.
      body = rest.subarray(position);
      position = rest.length;
    } else break;
    answers.push({ status, headers, body: body.toString('utf8') });
    rest = rest.subarray(position);
  }
  return { answers, rest };
}

/** Sends `pieces` (each written separately) and collects `count` answers; resolves when the socket closes too. */
function exchangeRaw(pieces: Array<string | Buffer>, count: number, options: { halfClose?: boolean } = {}) {
  return new Promise<{ answers: Answer[]; closed: boolean; socket: Socket }>((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      const { answers } = parseAnswers(received);
      if (answers.filter((answer) => answer.status !== 100).length >= count || closed) {
        settled = true;
        resolve({ answers: answers.filter((answer) => answer.status !== 100), closed, socket });
      }
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', reject);
    socket.on('connect', async () => {
      for (const piece of pieces) {
        socket.write(piece);
        if (pieces.length > 1) await new Promise((done) => setImmediate(done));
      }
      if (options.halfClose === true) socket.end();
    });
  });
}

const post = (path: string, body: string, extra = '') =>
  `POST ${path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

test('pipelined requests in one write are answered in order on the same connection, kept alive', async () => {
  const { answers, socket } = await exchangeRaw([post('/a?x=1', '{"n":1}') + post('/b', '{"n":22}')], 2);
  socket.destroy();
  assert.deepEqual(
    answers.map((answer) => [answer.status, JSON.parse(answer.body).path, JSON.parse(answer.body).bodyBytes, answer.headers.connection]),
    [
      [200, '/a', 7, 'keep-alive'],
      [200, '/b', 8, 'keep-alive'],
    ],
  );
  assert.equal(JSON.parse(answers[0]!.body).query, 'x=1');
  assert.match(answers[0]!.headers.date!, /GMT$/);
  assert.equal(answers[0]!.headers['keep-alive'], 'timeout=65');
});

test('a request arriving one byte at a time is answered exactly like one arriving whole', async () => {
  const request = post('/split', '{"text":"héllo"}', 'X-Custom: yes\r\n');
  const whole = await exchangeRaw([request], 1);
  const bytes = Buffer.from(request);
  const split = await exchangeRaw(Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1)), 1);
  whole.socket.destroy();
  split.socket.destroy();
  assert.equal(split.answers[0]!.body, whole.answers[0]!.body);
  assert.equal(JSON.parse(whole.answers[0]!.body).custom, 'yes');
});

test('a large body in many packets arrives intact', async () => {
  const body = JSON.stringify({ text: 'x'.repeat(3_000_000) });
  const request = Buffer.from(post('/large', body));
  const pieces = [];
  for (let offset = 0; offset < request.length; offset += 65_536) pieces.push(request.subarray(offset, offset + 65_536));
  const { answers, socket } = await exchangeRaw(pieces, 1);
  socket.destroy();
  const seen = JSON.parse(answers[0]!.body);
  assert.equal(seen.bodyBytes, Buffer.byteLength(body));
  assert.equal(seen.bodySha1, createHash('sha1').update(body).digest('hex'));
});

test('a chunked request goes to node:http, and so does the rest of the connection', async () => {
  const chunked = 'POST /chunked HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n2\r\n1}\r\n0\r\n\r\n';
  const { answers, socket } = await exchangeRaw([chunked + post('/after', '{}')], 2);
  socket.destroy();
  assert.deepEqual(
    answers.map((answer) => [answer.status, JSON.parse(answer.body).path, JSON.parse(answer.body).bodyBytes]),
    [
      [200, '/chunked', 7],
      [200, '/after', 2],
    ],
  );
});

test('expect: 100-continue gets node:http\'s interim answer, then the answer', async () => {
  const { answers, socket } = await exchangeRaw([post('/expect', '{"e":1}', 'Expect: 100-continue\r\n')], 1);
  socket.destroy();
  assert.equal(answers[0]!.status, 200);
  assert.equal(JSON.parse(answers[0]!.body).bodyBytes, 7);
});

test('connection: close and HTTP/1.0 are answered, then the connection closes', async () => {
  const close = await exchangeRaw([post('/close', '{}', 'Connection: close\r\n') + post('/ignored', '{}')], 2);
  assert.equal(close.closed, true);
  assert.deepEqual(close.answers.map((answer) => answer.headers.connection), ['close']);
  const old = await exchangeRaw(['GET /old HTTP/1.0\r\nHost: test\r\n\r\n'], 1);
  assert.equal(JSON.parse(old.answers[0]!.body).path, '/old');
  old.socket.destroy();
});

test('a malformed request gets node:http\'s 400', async () => {
  // Waits for a second answer that never comes: resolves when node:http closes the connection.
  const { answers, closed } = await exchangeRaw(['POST /bad HTTP/1.1\r\nHost: test\r\nno colon here\r\n\r\n'], 2);
  assert.equal(answers.length, 1);
  assert.equal(answers[0]!.status, 400);
  assert.equal(closed, true);
});

test('a client that half-closes after its request still gets the answer', async () => {
  const { answers, closed } = await exchangeRaw([post('/half', '{}')], 2, { halfClose: true });
  assert.deepEqual(answers.map((answer) => answer.status), [200]);
  assert.equal(closed, true);
});

test('a streamed answer is valid chunked encoding, written as it is produced', async () => {
  const { answers, socket } = await exchangeRaw(['GET /stream HTTP/1.1\r\nHost: test\r\n\r\n' + post('/next', '{}')], 2);
  socket.destroy();
  assert.equal(answers[0]!.headers['transfer-encoding'], 'chunked');
  assert.equal(answers[0]!.body, 'data: one\n\ndata: twö\n\n');
  assert.equal(JSON.parse(answers[1]!.body).path, '/next');
});

test('a whole stream at once is chunked too, on either server', async () => {
  const chunked = 'POST /chunked HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n';
  const whole = 'GET /whole-stream HTTP/1.1\r\nHost: test\r\n\r\n';
  const own = await exchangeRaw([whole], 1);
  const handedOver = await exchangeRaw([chunked + whole], 2);
  own.socket.destroy();
  handedOver.socket.destroy();
  for (const answer of [own.answers[0]!, handedOver.answers[1]!]) {
    assert.equal(answer.headers['transfer-encoding'], 'chunked');
    assert.equal(answer.body, 'data: all\n\ndata: at once\n\n');
  }
});

test('fetch works against it, and so does node:http\'s own client over the fallback', async () => {
  const response = await fetch(`http://127.0.0.1:${port}/fetch?q=2`, { method: 'POST', body: '{"f":1}', headers: { 'x-custom': 'f' } });
  assert.deepEqual(await response.json(), {
    method: 'POST',
    path: '/fetch',
    query: 'q=2',
    host: `127.0.0.1:${port}`,
    custom: 'f',
    bodyBytes: 7,
    bodySha1: createHash('sha1').update('{"f":1}').digest('hex'),
  });
  const streamed = await fetch(`http://127.0.0.1:${port}/upload`, {
    method: 'POST',
    body: new ReadableStream({ start: (controller) => (controller.enqueue(new TextEncoder().encode('abc')), controller.close()) }),
    duplex: 'half',
  } as RequestInit);
  assert.equal(((await streamed.json()) as { bodyBytes: number }).bodyBytes, 3);
});
