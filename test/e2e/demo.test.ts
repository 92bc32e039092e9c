import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { captureIO } from '../../src/cli/capture-io.ts';
import { main } from '../../src/cli/main.ts';

// `frugal demo` (npm run demo): the README's first impression.
test('the demo drives both SDKs through the gateway and reports where the money went', async () => {
  const { io, stdout, stderr } = captureIO();
  const status = await main(['demo'], io);
  const output = stdout();
  assert.equal(status, 0, stderr());
  assert.match(output, /^support bot: ticket-\d+ \(\w+, \w+\) (resolved|not resolved) \[12\/12\]$/m, 'progress while it runs');
  assert.match(output, /^agent: agent-run-\d \(\w+\) step 10\/10$/m);
  assert.match(output, /^Spend by feature/m);
  for (const feature of ['support-chat', 'triage', 'ops-agent']) assert.match(output, new RegExp(`^  ${feature} +\\d+ `, 'm'));
  assert.match(output, /^Spend by model/m);
  assert.match(output, /^  claude-sonnet-4-6 +30 /m, 'ten agent steps for each of three runs');
  const cached = /^Cached share of input: ([\d.]+)% \((\d+) of (\d+) prompt tokens were cache reads\)$/m.exec(output);
  assert.ok(cached !== null && Number(cached[1]) > 20, 'the stable prefixes are served from the prompt cache');
  assert.match(output, /^  support tickets: 12 tasks, 9 succeeded, \$\d+\.\d{6} spent → \$\d+\.\d{6} per successful task$/m);
  assert.match(output, /^  agent runs: 3 tasks, 3 succeeded, /m);
  assert.match(output, /^Where to look next$/m);
  assert.match(output, /v1\/frugal\/usage\?groupBy=customer/);
});

test('--keep-running leaves the gateway up and prints its URL on a line of its own', async () => {
  const run = new URL('../../src/cli/run.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, [run, 'demo', '--keep-running'], { env: { PATH: process.env['PATH'] ?? '' } });
  try {
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^gateway: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
        if (match !== null) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`the demo exited with ${code}`)));
    });
    const usage = (await (await fetch(`${url}/v1/frugal/usage?groupBy=customer`)).json()) as { rows: { key: string }[] };
    assert.deepEqual(usage.rows.map((row) => row.key).sort(), ['acme', 'globex', 'initech', 'umbrella']);
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    assert.equal((await exited)[0], 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
