/**
 * Tool-call arguments are JSON text on the OpenAI wire and objects on the Anthropic and
 * Gemini wires. Text that is not a JSON object (models do emit broken JSON) becomes `{}`
 * and the caller reports the arguments as dropped.
 */
export function argumentsToObject(text: string): { value: Record<string, unknown>; valid: boolean } {
  if (text === '') return { value: {}, valid: true };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { value: value as Record<string, unknown>, valid: true };
  } catch {
    // fall through: not JSON
  }
  return { value: {}, valid: false };
}

export function argumentsFromObject(value: unknown): string {
  return JSON.stringify(value ?? {});
}
