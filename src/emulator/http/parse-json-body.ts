import type { Exchange } from './exchange.ts';

/** The body parsed as JSON, or `undefined` when it is not JSON (each provider words that error its own way). */
export function parseJsonBody(exchange: Exchange): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(exchange.body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}
