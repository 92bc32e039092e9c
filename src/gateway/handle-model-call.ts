import type { IncomingMessage, ServerResponse } from 'node:http';
import { FrugalError } from '../errors/frugal-error.ts';
import { ModelCall } from './call/model-call.ts';
import type { ClientProtocol } from './client-protocols/client-protocol.ts';
import { answerError } from './errors/answer-error.ts';
import { executeCall } from './execute/execute-call.ts';
import type { Gateway } from './gateway.ts';
import { authenticate } from './steps/authenticate.ts';
import { decodeRequest } from './steps/decode-request.ts';
import { readBody } from './steps/read-body.ts';
import { recordCall } from './steps/record-call.ts';
import { runLevers } from './steps/run-levers.ts';

/**
 * A call to a model endpoint, step by step as DESIGN.md lists them. Every failure is
 * answered in the client's protocol, and every call — failed or not — is recorded.
 */
export async function handleModelCall(gateway: Gateway, protocol: ClientProtocol, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const call = new ModelCall(protocol, request, response);
  gateway.inFlight += 1;
  try {
    if (gateway.draining) throw new FrugalError('FRUGAL_SHUTTING_DOWN', 'The gateway is shutting down; retry on another instance.', { errorClass: 'shutting_down' });
    call.clientKey = authenticate(request.headers, gateway.gatewayKey); // authenticate (headers only: no body is read for a stranger)
    const bytes = await readBody(request, gateway.config.server.bodyLimitBytes); // parse
    decodeRequest(call, bytes); // decode
    call.target = gateway.models.resolve(call.summary!.model); // resolve model
    if (gateway.levers.length > 0 && protocol.decode !== undefined) await runLevers(gateway.levers, call); // levers (chat endpoints)
    await executeCall(gateway, call); // execute, encode to the client's wire
  } catch (error) {
    answerError(gateway, call, error);
  } finally {
    gateway.inFlight -= 1;
    recordCall(gateway, call); // ledger, off the hot path
  }
}
