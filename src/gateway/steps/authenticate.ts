import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { FrugalError } from '../../errors/frugal-error.ts';

/** The key a client's SDK presents: OpenAI's `Authorization: Bearer`, Anthropic's `x-api-key`. */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined && authorization.startsWith('Bearer ')) {
    const key = authorization.slice(7).trim();
    if (key !== '') return key;
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.trim() !== '' ? apiKey.trim() : undefined;
}

function matches(presented: string, expected: Buffer): boolean {
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Step "authenticate". Without a gateway key, the key the SDK presents is the client's own
 * provider key (forwarded only to providers that allow client keys). With a gateway key,
 * the SDK key must be it, and a client's own provider key travels in `x-frugal-provider-key`.
 * Returns the client's provider key, if any.
 */
export function authenticate(headers: IncomingHttpHeaders, gatewayKey: Buffer | undefined): string | undefined {
  const presented = presentedKey(headers);
  if (gatewayKey === undefined) return presented;
  if (presented === undefined || !matches(presented, gatewayKey)) {
    throw new FrugalError(
      'FRUGAL_GATEWAY_UNAUTHORIZED',
      presented === undefined
        ? 'This gateway requires its key: send it as your SDK API key (Authorization: Bearer or x-api-key).'
        : 'Incorrect gateway key provided.',
      { errorClass: 'gateway_unauthorized' },
    );
  }
  const own = headers['x-frugal-provider-key'];
  return typeof own === 'string' && own.trim() !== '' ? own.trim() : undefined;
}
