import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderedText, type RenderingSlot } from './rendered-answer.ts';

const render = (drawn: string[]) => () => `{"id":"${drawn[0]}","sig":"${drawn[1]}","again":"${drawn[0]}"}`;

test('a kept request\'s next call gets the last rendering with its own drawn strings', () => {
  const slot: RenderingSlot = { kept: true };
  const first = ['msg_01AAAAAAAAAAAAAAAA', 'c2lnX+/=AAAA'];
  assert.equal(renderedText(slot, 'k', first, render(first)), render(first)());
  const second = ['msg_01BBBBBBBBBBBBBBBB', 'c2lnX+/=BBBB'];
  let rendered = false;
  const text = renderedText(slot, 'k', second, () => {
    rendered = true;
    return '';
  });
  assert.equal(rendered, false);
  assert.equal(text, render(second)());
});

test('another key, another number of drawn strings, or a request not kept: rendered afresh', () => {
  const slot: RenderingSlot = { kept: true };
  renderedText(slot, 'k', ['a1b2c3d4e5f6g7h8', 'i9j0k1l2m3n4o5p6'], render(['a1b2c3d4e5f6g7h8', 'i9j0k1l2m3n4o5p6']));
  const next = ['q1r2s3t4u5v6w7x8', 'y9z0A1B2C3D4E5F6'];
  assert.equal(renderedText(slot, 'other', next, render(next)), render(next)());
  assert.equal(renderedText(slot, 'other', [next[0]!], () => 'fresh'), 'fresh');
  const loose: RenderingSlot = {};
  renderedText(loose, 'k', next, render(next));
  assert.equal(loose.rendered, undefined);
});
