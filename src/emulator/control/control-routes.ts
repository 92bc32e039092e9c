import { FrugalError } from '../../errors/frugal-error.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { parseFaultPlan } from '../faults/fault-plan.ts';
import { sendJson, type Exchange } from '../http/exchange.ts';
import { parseJsonBody } from '../http/parse-json-body.ts';

const JSON_HEADERS = () => ({ 'content-type': 'application/json' });

function fail(exchange: Exchange, status: number, message: string): void {
  sendJson(exchange, status, JSON_HEADERS(), { error: { message } });
}

/** Clears what requests have built up: prompt caches, rate-limit windows, faults, files and batches. */
export function resetState(state: EmulatorState): void {
  state.promptCaches.clear();
  state.rateLimits.clear();
  state.faults.clear();
  state.files.clear();
  state.openaiBatches.clear();
  state.anthropicBatches.clear();
}

/**
 * The emulator's own endpoints, under /_emulator, for tests and load tests driving it from
 * another process: health, faults (GET / POST to add / DELETE to clear), clock (POST
 * `{ "advanceMilliseconds": n }`), reset.
 */
export function serveControl(exchange: Exchange, state: EmulatorState): void {
  const route = `${exchange.method} ${exchange.path}`;
  switch (route) {
    case 'GET /_emulator/health':
      sendJson(exchange, 200, JSON_HEADERS(), { ok: true, now: state.clock.now() });
      return;
    case 'GET /_emulator/faults':
      sendJson(exchange, 200, JSON_HEADERS(), state.faults.snapshot());
      return;
    case 'DELETE /_emulator/faults':
      state.faults.clear();
      sendJson(exchange, 200, JSON_HEADERS(), state.faults.snapshot());
      return;
    case 'POST /_emulator/faults': {
      const parsed = parseJsonBody(exchange);
      if (!parsed.ok) return fail(exchange, 400, 'the body must be JSON: { rates?: [...], scripts?: [...], retryAfterSeconds? }');
      try {
        state.faults.add(parseFaultPlan(parsed.value, 'body'));
      } catch (error) {
        if (FrugalError.isInstance(error)) return fail(exchange, 400, error.message);
        throw error;
      }
      sendJson(exchange, 200, JSON_HEADERS(), state.faults.snapshot());
      return;
    }
    case 'POST /_emulator/clock': {
      const parsed = parseJsonBody(exchange);
      const advance = parsed.ok ? (parsed.value as { advanceMilliseconds?: unknown } | null)?.advanceMilliseconds : undefined;
      if (typeof advance !== 'number' || !(advance >= 0)) {
        return fail(exchange, 400, 'advanceMilliseconds must be a non-negative number of milliseconds');
      }
      state.clock.advance(advance);
      sendJson(exchange, 200, JSON_HEADERS(), { now: state.clock.now() });
      return;
    }
    case 'POST /_emulator/reset':
      resetState(state);
      sendJson(exchange, 200, JSON_HEADERS(), { ok: true });
      return;
    default:
      fail(exchange, 404, `no emulator control endpoint ${route}`);
  }
}
