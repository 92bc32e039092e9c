import type { Extensions, Protocol } from './protocol.ts';

/**
 * The extension fields of `protocol`, for its encoder to write back verbatim; every
 * extension field of another protocol is reported as dropped (`<path>.<protocol>.<field>`).
 */
export function ownExtensions(
  extensions: Extensions | undefined,
  protocol: Protocol,
  dropped: string[],
  path = 'extensions',
): Record<string, unknown> | undefined {
  if (extensions === undefined) return undefined;
  for (const other in extensions) {
    if (other === protocol) continue;
    for (const field in extensions[other as Protocol]) dropped.push(`${path}.${other}.${field}`);
  }
  return extensions[protocol];
}
