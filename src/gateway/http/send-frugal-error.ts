import type { ServerResponse } from 'node:http';
import { FrugalError } from '../../errors/frugal-error.ts';
import { sendJson } from './send.ts';

/** Errors of Frugal's own API (/v1/frugal/*, /metrics): `{ error: { code, message } }` with the code's status. */
export function sendFrugalError(response: ServerResponse, error: unknown, log: (line: string) => void): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  if (FrugalError.isInstance(error)) {
    sendJson(response, error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  log(`frugal gateway: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  sendJson(response, 500, { error: { code: 'FRUGAL_INTERNAL', message: 'the gateway failed while answering; see its log' } });
}
