import { FrugalError } from '../../errors/frugal-error.ts';
import type { Protocol } from '../canonical/protocol.ts';

/** What a protocol error carries: the exact status and body the provider would answer with. */
export interface ProtocolErrorDetails {
  protocol: Protocol | 'openai-embeddings';
  status: number;
  body: unknown;
  /** The offending field, in the protocol's own path notation. */
  param?: string;
}

/** A FRUGAL_INVALID_REQUEST error whose details hold the provider-shaped response to send back. */
export function protocolError(message: string, details: ProtocolErrorDetails): FrugalError {
  return new FrugalError('FRUGAL_INVALID_REQUEST', message, { ...details });
}

export function isProtocolError(value: unknown): value is FrugalError & { details: ProtocolErrorDetails } {
  return (
    FrugalError.isInstance(value) &&
    value.details !== undefined &&
    typeof value.details['status'] === 'number' &&
    'body' in value.details &&
    typeof value.details['protocol'] === 'string'
  );
}
