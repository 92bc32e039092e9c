import { serveControl } from '../control/control-routes.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import type { Routes } from './routes.ts';
import { sendJson, type Exchange } from './exchange.ts';

/** Unknown path: OpenAI's wording, since most clients that get lost are OpenAI clients. */
function notFound(exchange: Exchange): void {
  sendJson(exchange, 404, { 'content-type': 'application/json' }, {
    error: { message: `Invalid URL (${exchange.method} ${exchange.path})`, type: 'invalid_request_error', param: null, code: null },
  });
}

/** Hands each exchange to the route for its path, whichever server read it. */
export function exchangeHandler(state: EmulatorState, routes: Routes) {
  return (exchange: Exchange): void => {
    try {
      const handled = exchange.path.startsWith('/_emulator/') ? (serveControl(exchange, state), true) : routes.dispatch(exchange);
      if (handled === false) notFound(exchange);
      else if (handled instanceof Promise) handled.catch((error: unknown) => fail(exchange, error));
    } catch (error) {
      fail(exchange, error);
    }
  };
}

/** A bug in the emulator answers 500 with the message, never a hung request. */
function fail(exchange: Exchange, error: unknown): void {
  if (exchange.reply.started) {
    exchange.reply.drop(false);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  sendJson(exchange, 500, { 'content-type': 'application/json' }, { error: { message: `emulator error: ${message}`, type: 'server_error', param: null, code: null } });
}
