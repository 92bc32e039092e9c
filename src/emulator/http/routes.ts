import type { Exchange } from './exchange.ts';

/** Dispatches an exchange to its handler: false when no route matches the path. */
export interface Routes {
  dispatch(exchange: Exchange): boolean | Promise<void>;
}
