import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { captureIO } from '../capture-io.ts';
import { main } from '../main.ts';

const cli = new URL('../run.ts', import.meta.url).pathname;

test('frugal emulate prints its URLs, serves, and exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, [cli, 'emulate', '--port', '0', '--seed', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
  assert.match(output, /OpenAI\s+http:\/\/\S+\/v1/);
  const health = await fetch(`${url}/_emulator/health`);
  assert.equal(health.status, 200);
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exit, 0);
  assert.match(output, /stopped/);
});

test('bad options are reported with the usage line, exit 2', async () => {
  const capture = captureIO();
  assert.equal(await main(['emulate', '--latency', 'fast'], capture.io), 2);
  assert.match(capture.stderr(), /--latency must be "realistic" or "zero", got "fast"/);
  const config = captureIO();
  assert.equal(await main(['emulate', '--config', '/nonexistent.yaml'], config.io), 2);
  assert.match(config.stderr(), /cannot read \/nonexistent.yaml/);
});
