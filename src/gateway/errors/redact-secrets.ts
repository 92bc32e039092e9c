/** Shapes of provider keys (OpenAI `sk-…`, Anthropic `sk-ant-…`, Google `AIza…`), masked or not. */
const KEY_SHAPES = /\b(?:sk-ant-|sk-|rk-|pk-)[A-Za-z0-9_*\-]{6,}|\bAIza[0-9A-Za-z_\-]{20,}/g;

/**
 * Text that may echo a key (an upstream's "Incorrect API key provided: sk-ab***yz") with
 * every known secret and every key-shaped token replaced by `[redacted]`.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result.replace(KEY_SHAPES, '[redacted]');
}
