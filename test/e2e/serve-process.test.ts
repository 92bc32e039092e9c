import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import OpenAI from 'openai';
import { startEmulator } from '../../src/emulator/start-emulator.ts';
import { openSqliteStore } from '../../src/ledger/sqlite-store/open-sqlite-store.ts';

// `frugal serve` as a real process: it prints its URL, serves, and on SIGTERM finishes the
// requests in flight, writes the ledger and exits 0.
const RUN = new URL('../../src/cli/run.ts', import.meta.url).pathname;
const folders: string[] = [];
const children: ChildProcess[] = [];
after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function serve(args: string[]): Promise<{ child: ChildProcess; url: string; folder: string; stdout: () => string; stderr: () => string }> {
  const folder = await mkdtemp(join(tmpdir(), 'frugal-serve-'));
  folders.push(folder);
  const child = spawn(process.execPath, [RUN, 'serve', '--port', '0', ...args], { cwd: folder, env: { PATH: process.env['PATH'] ?? '' } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The ledger line comes last: by then the gateway accepts requests.
      const match = /^gateway: (http:\/\/\S+)$/m.exec(stdout);
      if (match !== null && /^ledger: /m.test(stdout)) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`frugal serve exited with ${code} before listening: ${stderr}`)));
  });
  return { child, url, folder, stdout: () => stdout, stderr: () => stderr };
}

async function storedRequest(folder: string, id: string) {
  const store = await openSqliteStore(join(folder, '.frugal', 'ledger.db'));
  try {
    return await store.getRequest(id);
  } finally {
    await store.close();
  }
}

test('SIGTERM: the stream in flight finishes, the ledger is flushed, the exit status is 0', async () => {
  // A slow model: 40 tokens a second, so the stream is still running when the signal comes.
  const emulator = await startEmulator({ port: 0, latency: { mode: 'realistic', jitter: 0, models: { 'gpt-4o-mini': { timeToFirstTokenMilliseconds: 50, tokensPerSecond: 40 } } } });
  try {
    const server = await serve(['--emulate', emulator.url]);
    assert.match(server.stdout(), /^emulator: http:\/\/127\.0\.0\.1:\d+ \(every provider points there\)$/m);
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'x', maxRetries: 0 });
    const { data: stream, response } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', max_tokens: 30, stream: true, messages: [{ role: 'user', content: 'hello' }] })
      .withResponse();
    const exited = once(server.child, 'exit');
    let chunks = 0;
    for await (const chunk of stream) {
      if (chunks === 0) server.child.kill('SIGTERM');
      chunks += 1;
      assert.ok(chunk.choices.length > 0);
    }
    assert.ok(chunks > 10, 'the whole stream arrived after the signal');
    const [code] = await exited;
    assert.equal(code, 0, server.stderr());
    const stored = await storedRequest(server.folder, response.headers.get('x-frugal-request-id')!);
    assert.equal(stored?.request.usage.output, 30);
    assert.equal(stored?.request.errorClass, null);
  } finally {
    await emulator.close();
  }
});

test('--emulate alone starts a built-in emulator: offline, no keys, no configuration', async () => {
  const server = await serve(['--emulate']);
  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'x', maxRetries: 0 });
  const { response } = await client.chat.completions.create({ model: 'claude-sonnet-4-6', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }).withResponse();
  assert.ok(response.headers.get('x-frugal-cost-usd'));
  const exited = once(server.child, 'exit');
  server.child.kill('SIGINT');
  assert.equal((await exited)[0], 0);
  assert.ok(await storedRequest(server.folder, response.headers.get('x-frugal-request-id')!));
});
