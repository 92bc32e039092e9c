import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalResponse } from '../../protocols/canonical/response.ts';
import type { CachedResponse, ResponseCacheBackend } from './backend.ts';

/** Makes a fresh, empty backend reading time from `clock`. */
export type BackendFactory = (clock: () => number) => Promise<ResponseCacheBackend>;

export function cachedResponse(text: string, tenant = 'acme'): CachedResponse {
  const response: CanonicalResponse = {
    id: 'resp_1',
    model: 'gpt-test',
    created: 1_700_000_000,
    choices: [{ index: 0, content: [{ type: 'text', text }], stopReason: 'end_turn' }],
  };
  return { tenant, route: 'support', response, storedAt: 1_000 };
}

/** The cases every response-cache backend must pass; each backend's test file calls this once. */
export function backendCases(name: string, factory: BackendFactory): void {
  async function withBackend(run: (backend: ResponseCacheBackend, clock: { now: number }) => Promise<void>): Promise<void> {
    const clock = { now: 1_000_000 };
    const backend = await factory(() => clock.now);
    try {
      await run(backend, clock);
    } finally {
      await backend.close();
    }
  }

  test(`${name}: an unknown key is a miss; a stored entry comes back equal`, () =>
    withBackend(async (backend) => {
      assert.equal(await backend.get('absent'), undefined);
      const entry = cachedResponse('Four. ✓ 😀');
      await backend.set('k1', entry, 60_000);
      assert.deepEqual(await backend.get('k1'), entry);
    }));

  test(`${name}: reads return copies; changing one never changes the stored entry`, () =>
    withBackend(async (backend) => {
      await backend.set('k1', cachedResponse('original'), 60_000);
      const first = await backend.get('k1');
      first!.response.choices[0]!.content = [];
      assert.deepEqual(await backend.get('k1'), cachedResponse('original'));
    }));

  test(`${name}: an entry is served until its TTL and never after`, () =>
    withBackend(async (backend, clock) => {
      await backend.set('k1', cachedResponse('soon gone'), 1_000);
      clock.now += 999;
      assert.notEqual(await backend.get('k1'), undefined);
      clock.now += 1;
      assert.equal(await backend.get('k1'), undefined);
    }));

  test(`${name}: a write replaces the entry and its TTL; delete removes it; keys are independent`, () =>
    withBackend(async (backend, clock) => {
      await backend.set('k1', cachedResponse('first'), 1_000);
      await backend.set('k2', cachedResponse('other', 'globex'), 60_000);
      await backend.set('k1', cachedResponse('second'), 5_000);
      clock.now += 2_000;
      assert.deepEqual(await backend.get('k1'), cachedResponse('second'));
      await backend.delete('k1');
      assert.equal(await backend.get('k1'), undefined);
      assert.deepEqual(await backend.get('k2'), cachedResponse('other', 'globex'));
    }));
}
