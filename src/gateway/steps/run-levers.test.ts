import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import type { Lever, LeverCall } from '../levers/lever.ts';
import { runLevers } from './run-levers.ts';

function call(): LeverCall & { rewritten: boolean } {
  let request: CanonicalRequest = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false };
  return {
    id: 'r1',
    clientProtocol: 'openai-chat',
    attribution: { feature: 'search', user: null, customer: null, task: null, session: null, properties: {} },
    target: undefined,
    rewritten: false,
    get canonical() {
      return request;
    },
    rewrite(next) {
      request = next;
      this.rewritten = true;
    },
  };
}

test('levers run in order, the asynchronous ones awaited, each seeing the previous one\'s rewrite', async () => {
  const seen: string[] = [];
  const cap: Lever = {
    name: 'cap',
    apply(current) {
      seen.push(`cap:${current.canonical.maxOutputTokens}`);
      current.rewrite({ ...current.canonical, maxOutputTokens: 100 });
    },
  };
  const halve: Lever = {
    name: 'halve',
    async apply(current) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(`halve:${current.canonical.maxOutputTokens}`);
      current.rewrite({ ...current.canonical, maxOutputTokens: current.canonical.maxOutputTokens! / 2 });
    },
  };
  const target = call();
  await runLevers([cap, halve], target);
  assert.deepEqual(seen, ['cap:undefined', 'halve:100']);
  assert.equal(target.canonical.maxOutputTokens, 50);
  assert.equal(target.rewritten, true);
});

test('a lever that only looks leaves the request as the client sent it', async () => {
  const target = call();
  await runLevers([{ name: 'observe', apply: () => undefined }], target);
  assert.equal(target.rewritten, false);
});
