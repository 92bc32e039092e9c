import assert from 'node:assert/strict';
import { isProtocolError } from '../errors/protocol-error.ts';

/** Runs a validation that must reject, and returns the status and body the provider would answer with (tests only). */
export function rejection(run: () => unknown): { status: number; body: { error: Record<string, unknown> }; code: string } {
  try {
    run();
  } catch (error) {
    assert.ok(isProtocolError(error));
    return { status: error.details.status, body: error.details.body as { error: Record<string, unknown> }, code: error.code };
  }
  assert.fail('expected the request to be rejected');
}
