import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BodyMemo } from './body-memo.ts';

const limits = { maximumEntries: 3, maximumBytes: 1_000, maximumBodyBytes: 400 };

/** A body is kept the second time it is offered. */
function keep<Owner, Value>(memo: BodyMemo<Owner, Value>, owner: Owner, body: Buffer, value: Value): void {
  memo.set(owner, body, value);
  memo.set(owner, body, value);
}

test('a body offered once is not kept; offered again, it is', () => {
  const memo = new BodyMemo<string, number>(limits);
  memo.set('chat', Buffer.from('{"a":1}'), 1);
  assert.equal(memo.get('chat', Buffer.from('{"a":1}')), undefined);
  memo.set('chat', Buffer.from('{"a":1}'), 1);
  assert.equal(memo.get('chat', Buffer.from('{"a":1}')), 1);
});

test('a hit needs the same owner and the same bytes; the kept body is a copy', () => {
  const memo = new BodyMemo<string, number>(limits);
  const pool = Buffer.from('xx{"a":1}yy');
  const body = pool.subarray(2, 9);
  keep(memo, 'chat', body, 1);
  pool.write('{"a":2}', 2);
  assert.equal(memo.get('chat', Buffer.from('{"a":1}')), 1);
  assert.equal(memo.get('chat', body), undefined, 'the caller\'s buffer changed; the kept copy did not');
  assert.equal(memo.get('messages', Buffer.from('{"a":1}')), undefined);
});

test('bounded by entries and bytes, least recently used out first; large bodies never kept', () => {
  const memo = new BodyMemo<string, string>(limits);
  for (const name of ['a', 'b', 'c']) keep(memo, 'o', Buffer.from(name), name);
  assert.equal(memo.get('o', Buffer.from('a')), 'a');
  keep(memo, 'o', Buffer.from('d'), 'd');
  // 'b' was the least recently used once 'a' was read.
  assert.deepEqual(['a', 'b', 'c', 'd'].map((name) => memo.get('o', Buffer.from(name))), ['a', undefined, 'c', 'd']);
  keep(memo, 'o', Buffer.alloc(401), 'large');
  assert.equal(memo.get('o', Buffer.alloc(401)), undefined);
  const bytes = new BodyMemo<string, number>({ maximumEntries: 100, maximumBytes: 1_000, maximumBodyBytes: 400 });
  for (let index = 0; index < 4; index++) keep(bytes, 'o', Buffer.alloc(300, index), index);
  assert.equal(bytes.size, 3, '3 × 300 bytes fit in 1,000, 4 do not');
  const none = new BodyMemo<string, number>({ ...limits, maximumEntries: 0 });
  keep(none, 'o', Buffer.from('a'), 1);
  assert.equal(none.get('o', Buffer.from('a')), undefined);
});

test('whatever the bodies, a lookup returns exactly what was kept for those bytes or nothing', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('x', 'y'), fc.uint8Array({ maxLength: 12 })), { maxLength: 40 }), (writes) => {
      const memo = new BodyMemo<string, string>({ maximumEntries: 8, maximumBytes: 10_000, maximumBodyBytes: 100 });
      for (const [owner, bytes] of writes) {
        const key = `${owner}:${Buffer.from(bytes).toString('hex')}`;
        keep(memo, owner, Buffer.from(bytes), key);
      }
      for (const [owner, bytes] of writes) {
        const found = memo.get(owner, Buffer.from(bytes));
        assert.ok(found === undefined || found === `${owner}:${Buffer.from(bytes).toString('hex')}`);
      }
    }),
  );
});
