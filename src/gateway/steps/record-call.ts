import type { ModelCall } from '../call/model-call.ts';
import type { Gateway } from '../gateway.ts';
import { buildRecords } from '../record/build-records.ts';

/**
 * Step "ledger": after the response has been sent, the call's request and attempt records
 * go to the ledger's in-memory queue (written in batches by its background writer) and to
 * the metrics. Requests refused by the gateway key are counted, never stored: an
 * unauthenticated client must not be able to fill the ledger.
 */
export function recordCall(gateway: Gateway, call: ModelCall): void {
  const { request, attempts } = buildRecords(gateway, call);
  gateway.metrics.observe(request, attempts, call.target !== undefined);
  if (call.errorClass === 'gateway_unauthorized') return;
  try {
    gateway.ledger.record(request, attempts);
  } catch (error) {
    gateway.metrics.ledgerRejected();
    gateway.log(`frugal gateway: request ${call.id} was not recorded: ${error instanceof Error ? error.message : String(error)}`);
  }
}
