import { createHash } from 'node:crypto';

/**
 * Whose entries a lookup may see. Two requests share cached answers only when every field is
 * equal: one tenant never reads another's entries, nor one route, model, system prompt, tool
 * set or set of output parameters another's.
 */
export interface SemanticScope {
  tenant: string;
  route: string;
  model: string;
  /** sha256 of the system prompt text (see readSemanticRequest). */
  systemPromptHash: string;
  /** sha256 of the tools offered, in a canonical order. */
  toolSetHash: string;
  /** sha256 of the parameters that shape the answer (response format, output cap, sampling). */
  parametersHash: string;
}

/** A fixed-width key for one scope; the fields are length-prefixed so no two scopes collide by concatenation. */
export function scopeKey(scope: SemanticScope): string {
  const fields = [scope.tenant, scope.route, scope.model, scope.systemPromptHash, scope.toolSetHash, scope.parametersHash];
  const hash = createHash('sha256');
  for (const field of fields) hash.update(`${field.length}:${field}`);
  return hash.digest('hex');
}
