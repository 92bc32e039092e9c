/**
 * Emulator throughput: requests per second, non-streaming and streaming, zero latency, small
 * bodies. The emulator runs in its own process (`frugal emulate --latency zero`, one event loop,
 * so one core); this process is the load client, on the other core, over loopback keep-alive.
 *
 *   node bench/emulator/run.ts [--seconds 5] [--connections 64]
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loopbackLoad, rawPost } from './loopback-load.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '64' } } });
const milliseconds = Math.min(60, Number(values.seconds)) * 1000;
const connections = Number(values.connections);

/** Starts a server process and resolves with the port it prints ("listening on http://host:port"). */
async function startServer(args: string[]) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match !== null) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return { child, port };
}

const cli = new URL('../../src/cli/run.ts', import.meta.url).pathname;
const baselineScript = new URL('./baseline-server.ts', import.meta.url).pathname;

const openai = { authorization: 'Bearer bench' };
const anthropic = { 'x-api-key': 'bench', 'anthropic-version': '2023-06-01' };
const question = [{ role: 'user', content: 'Say hello in five words.' }];
const scenarios = [
  { name: 'OpenAI chat, non-streaming', request: rawPost('/v1/chat/completions', openai, { model: 'gpt-4o-mini', messages: question, max_tokens: 16 }) },
  { name: 'Anthropic messages, non-streaming', request: rawPost('/v1/messages', anthropic, { model: 'claude-opus-4-8', messages: question, max_tokens: 16 }) },
  { name: 'OpenAI chat, streaming', request: rawPost('/v1/chat/completions', openai, { model: 'gpt-4o-mini', messages: question, max_tokens: 16, stream: true, stream_options: { include_usage: true } }) },
  { name: 'Anthropic messages, streaming', request: rawPost('/v1/messages', anthropic, { model: 'claude-opus-4-8', messages: question, max_tokens: 16, stream: true }) },
];

async function measure(name: string, port: number, request: Buffer) {
  await loopbackLoad(port, request, connections, 1000);
  const result = await loopbackLoad(port, request, connections, milliseconds);
  console.log(`| ${name} | ${Math.round(result.requestsPerSecond).toLocaleString('en-US')} | ${result.requests} | ${result.failures} |`);
}

console.log(`${connections} connections; ${milliseconds / 1000} s per scenario after a 1 s warm-up; client and server in separate processes`);
console.log('| scenario | requests/s | requests | failures |');
console.log('|---|---:|---:|---:|');
const baseline = await startServer([baselineScript]);
try {
  await measure('baseline: bare node:http, fixed body (ceiling)', baseline.port, scenarios[0]!.request);
} finally {
  baseline.child.kill('SIGTERM');
}
const emulator = await startServer([cli, 'emulate', '--port', '0', '--latency', 'zero']);
try {
  for (const scenario of scenarios) await measure(scenario.name, emulator.port, scenario.request);
} finally {
  emulator.child.kill('SIGTERM');
}
