import type { Dispatcher } from 'undici';

/** One request of a load: what is sent, and how to spot the first generated token in a stream. */
export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Matched against the latest bytes of the answer; the first match is the first token. */
  firstToken?: RegExp;
}

export interface ExchangeResult {
  status: number;
  /** performance.now() when the request was handed to the dispatcher. */
  startedAt: number;
  /** Milliseconds from sending to the response head. */
  headersMilliseconds: number;
  headers: Record<string, string | string[] | undefined>;
  /** Milliseconds from sending to the first token (or to the end when nothing matched). */
  firstTokenMilliseconds: number;
  totalMilliseconds: number;
  /** The answer's bytes, only when asked for. */
  body?: Buffer;
}

/** Enough of the previous chunk to catch a marker split across two chunks. */
const CARRY = 64;

/**
 * Sends one request through an undici dispatcher (a keep-alive Client or Pool) with the low-level
 * handler interface: no body stream objects, so the client costs little next to the servers.
 */
export function exchange(dispatcher: Dispatcher, request: LoadRequest, keepBody = false): Promise<ExchangeResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let status = 0;
    let headersMilliseconds = -1;
    let headers: ExchangeResult['headers'] = {};
    let firstToken = -1;
    let carry = '';
    const chunks: Buffer[] = [];
    dispatcher.dispatch(
      { path: request.path, method: 'POST', headers: request.headers, body: request.body },
      {
        onRequestStart() {},
        onResponseStart(_controller, statusCode, responseHeaders) {
          headersMilliseconds = performance.now() - started;
          status = statusCode;
          headers = responseHeaders;
        },
        onResponseData(_controller, chunk) {
          if (keepBody) chunks.push(chunk);
          if (firstToken === -1 && request.firstToken !== undefined) {
            const text = carry + chunk.toString('latin1');
            if (request.firstToken.test(text)) firstToken = performance.now() - started;
            else carry = text.slice(-CARRY);
          }
        },
        onResponseEnd() {
          const totalMilliseconds = performance.now() - started;
          const result: ExchangeResult = { status, startedAt: started, headersMilliseconds, headers, firstTokenMilliseconds: firstToken === -1 ? totalMilliseconds : firstToken, totalMilliseconds };
          if (keepBody) result.body = Buffer.concat(chunks);
          resolve(result);
        },
        onResponseError(_controller, error) {
          reject(error);
        },
      },
    );
  });
}
