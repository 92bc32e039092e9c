import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveControl } from '../control/control-routes.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import type { Routes } from './routes.ts';
import { readBody } from './read-body.ts';
import { sendJson, type Exchange } from './exchange.ts';

/** Unknown path: OpenAI's wording, since most clients that get lost are OpenAI clients. */
function notFound(exchange: Exchange): void {
  sendJson(exchange, 404, { 'content-type': 'application/json' }, {
    error: { message: `Invalid URL (${exchange.method} ${exchange.path})`, type: 'invalid_request_error', param: null, code: null },
  });
}

/** The node:http request listener: reads the body, then hands the exchange to the route for its path. */
export function requestListener(state: EmulatorState, routes: Routes) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = request.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark === -1 ? url : url.slice(0, mark);
    const query = new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1));
    readBody(
      request,
      (body) => {
        const exchange: Exchange = {
          request,
          response,
          method: request.method ?? 'GET',
          path,
          query,
          body,
          origin: `http://${request.headers.host ?? 'localhost'}`,
        };
        try {
          const handled = path.startsWith('/_emulator/') ? (serveControl(exchange, state), true) : routes.dispatch(exchange);
          if (handled === false) notFound(exchange);
          else if (handled instanceof Promise) handled.catch((error: unknown) => fail(exchange, error));
        } catch (error) {
          fail(exchange, error);
        }
      },
      () => response.destroy(),
    );
  };
}

/** A bug in the emulator answers 500 with the message, never a hung request. */
function fail(exchange: Exchange, error: unknown): void {
  if (exchange.response.headersSent) {
    exchange.response.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  sendJson(exchange, 500, { 'content-type': 'application/json' }, { error: { message: `emulator error: ${message}`, type: 'server_error', param: null, code: null } });
}
