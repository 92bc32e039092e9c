import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureIO } from '../capture-io.ts';
import { main } from '../main.ts';
import { takeEmulate } from './serve.ts';

test('--emulate takes an optional URL', () => {
  assert.deepEqual(takeEmulate(['--port', '0']), { rest: ['--port', '0'], emulate: false });
  assert.deepEqual(takeEmulate(['--emulate', '--port', '0']), { rest: ['--port', '0'], emulate: true });
  assert.deepEqual(takeEmulate(['--emulate', 'http://127.0.0.1:9000']), { rest: [], emulate: 'http://127.0.0.1:9000' });
  assert.deepEqual(takeEmulate(['--emulate=http://emulator:8787', '--host', '0.0.0.0']), { rest: ['--host', '0.0.0.0'], emulate: 'http://emulator:8787' });
  assert.throws(() => takeEmulate(['--emulate=ftp://x']), { code: 'FRUGAL_INVALID_ARGUMENT', message: /--emulate takes an http\(s\) URL/ });
});

test('a configuration error stops `frugal serve` before it listens, with the line and column', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'frugal-serve-config-'));
  try {
    const file = join(folder, 'bad.yaml');
    await writeFile(file, 'server:\n  port: "eighty"\n');
    const { io, stderr } = captureIO();
    assert.equal(await main(['serve', '--config', file], io), 2);
    assert.match(stderr(), /bad\.yaml:2:9: server\.port must be integer/);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
