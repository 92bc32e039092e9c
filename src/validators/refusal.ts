import type { StopReason } from '../protocols/canonical/stop-reason.ts';
import { findRefusalPhrase } from './refusal-phrases.ts';
import type { Validator } from './validator.ts';

const REFUSING_STOP_REASONS: ReadonlySet<StopReason> = new Set(['content_filter', 'refusal']);

/**
 * Fails when the model refused: the provider said so (a refusal part, or a content_filter /
 * refusal stop reason), or the answer opens with a common refusal phrasing.
 */
export function refusalValidator(options: { name?: string } = {}): Validator {
  return {
    name: options.name ?? 'refusal',
    kind: 'refusal',
    async validate(input) {
      if (input.refusal !== undefined && input.refusal !== '') {
        return { pass: false, reason: `the provider returned a refusal: ${JSON.stringify(input.refusal.slice(0, 120))}` };
      }
      if (input.stopReason !== null && REFUSING_STOP_REASONS.has(input.stopReason)) {
        return { pass: false, reason: `the response stopped with ${input.stopReason}` };
      }
      const phrase = findRefusalPhrase(input.text);
      if (phrase !== undefined) return { pass: false, reason: `the response reads as a refusal: ${JSON.stringify(phrase)}` };
      return { pass: true, reason: 'no refusal' };
    },
  };
}
