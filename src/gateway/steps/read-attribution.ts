import type { IncomingHttpHeaders } from 'node:http';
import type { Attribution } from '../../ledger/records.ts';

const PROPERTY_PREFIX = 'x-frugal-property-';
/** Longer values are cut: attribution is a label, not a payload. */
const MAX_LENGTH = 256;

/** A trimmed, bounded label; NUL (which storage cannot hold) is removed. */
export function label(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return null;
  const trimmed = text.replaceAll('\u0000', '').trim();
  return trimmed === '' ? null : trimmed.slice(0, MAX_LENGTH);
}

/**
 * Where the request's money goes: the x-frugal-* headers, and for the user the protocol's
 * own field (OpenAI `user`, Anthropic `metadata.user_id`) when no header names one.
 */
export function readAttribution(headers: IncomingHttpHeaders, bodyUser: string | undefined): Attribution {
  const properties: Record<string, string> = {};
  for (const name in headers) {
    if (!name.startsWith(PROPERTY_PREFIX) || name.length === PROPERTY_PREFIX.length) continue;
    const value = label(headers[name]);
    if (value !== null) properties[name.slice(PROPERTY_PREFIX.length)] = value;
  }
  return {
    feature: label(headers['x-frugal-feature']),
    user: label(headers['x-frugal-user']) ?? label(bodyUser),
    customer: label(headers['x-frugal-customer']),
    task: label(headers['x-frugal-task']),
    session: label(headers['x-frugal-session']),
    properties,
  };
}
