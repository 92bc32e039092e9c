/**
 * Emulator throughput: requests per second, non-streaming and streaming, zero latency, small
 * bodies. The emulator runs in its own process (`frugal emulate --latency zero`, one event loop,
 * so one core); this process is the load client, on the other core, over loopback keep-alive.
 * Each scenario runs `--runs` times (interleaved with the others, since the machine is shared);
 * the table gives the median and the range, and the server's CPU time per request (user +
 * system, from /proc: less sensitive than throughput to what else runs on the machine).
 *
 *   node bench/emulator/run.ts [--seconds 5] [--connections 64] [--runs 3]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loopbackLoad, rawPost } from './loopback-load.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    runs: { type: 'string', default: '3' },
  },
});
const milliseconds = Math.min(60, Number(values.seconds)) * 1000;
const connections = Number(values.connections);
const runs = Math.max(1, Math.min(9, Number(values.runs)));

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
const httpBaseline = new URL('./baseline-server.ts', import.meta.url).pathname;
const tcpBaseline = new URL('./tcp-baseline-server.ts', import.meta.url).pathname;

const openai = { authorization: 'Bearer bench' };
const anthropic = { 'x-api-key': 'bench', 'anthropic-version': '2023-06-01' };
const gemini = { 'x-goog-api-key': 'bench' };
const question = [{ role: 'user', content: 'Say hello in five words.' }];
const geminiQuestion = { contents: [{ role: 'user', parts: [{ text: 'Say hello in five words.' }] }], generationConfig: { maxOutputTokens: 16 } };
const openaiChat = (extra: object) => rawPost('/v1/chat/completions', openai, { model: 'gpt-4o-mini', messages: question, max_tokens: 16, ...extra });
/** 20,000 different prompts in turn: more than the emulator's body memo keeps, so every request is new to it. */
const distinct = Array.from({ length: 20_000 }, (_, index) =>
  rawPost('/v1/chat/completions', openai, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Say hello in five words, number ${index}.` }], max_tokens: 16 }),
);

interface Scenario {
  name: string;
  server: 'node:http' | 'tcp' | 'emulator';
  requests: Buffer | Buffer[];
}

const scenarios: Scenario[] = [
  { name: 'ceiling: bare TCP server, fixed answer', server: 'tcp', requests: openaiChat({}) },
  { name: 'baseline: bare node:http, fixed body', server: 'node:http', requests: openaiChat({}) },
  { name: 'OpenAI chat, non-streaming', server: 'emulator', requests: openaiChat({}) },
  { name: 'OpenAI chat, non-streaming, every prompt different', server: 'emulator', requests: distinct },
  { name: 'Anthropic messages, non-streaming', server: 'emulator', requests: rawPost('/v1/messages', anthropic, { model: 'claude-opus-4-8', messages: question, max_tokens: 16 }) },
  { name: 'Gemini generateContent', server: 'emulator', requests: rawPost('/v1beta/models/gemini-2.0-flash:generateContent', gemini, geminiQuestion) },
  { name: 'OpenAI chat, streaming', server: 'emulator', requests: openaiChat({ stream: true, stream_options: { include_usage: true } }) },
  { name: 'Anthropic messages, streaming', server: 'emulator', requests: rawPost('/v1/messages', anthropic, { model: 'claude-opus-4-8', messages: question, max_tokens: 16, stream: true }) },
  { name: 'Gemini streamGenerateContent?alt=sse', server: 'emulator', requests: rawPost('/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse', gemini, geminiQuestion) },
];

const servers = {
  tcp: await startServer([tcpBaseline]),
  'node:http': await startServer([httpBaseline]),
  emulator: await startServer([cli, 'emulate', '--port', '0', '--latency', 'zero']),
};
/** CPU seconds (user + system) a server process has used so far; undefined without /proc. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const results = new Map<string, number[]>(scenarios.map((scenario) => [scenario.name, []]));
const cpu = new Map<string, number[]>(scenarios.map((scenario) => [scenario.name, []]));
const failures = new Map<string, number>(scenarios.map((scenario) => [scenario.name, 0]));
try {
  for (let run = 0; run < runs; run++) {
    for (const scenario of scenarios) {
      const { port, child } = servers[scenario.server];
      await loopbackLoad(port, scenario.requests, connections, 1000);
      const before = cpuSeconds(child.pid);
      const result = await loopbackLoad(port, scenario.requests, connections, milliseconds);
      const after = cpuSeconds(child.pid);
      results.get(scenario.name)!.push(result.requestsPerSecond);
      if (before !== undefined && after !== undefined) cpu.get(scenario.name)!.push(((after - before) / result.requests) * 1e6);
      failures.set(scenario.name, failures.get(scenario.name)! + result.failures);
    }
  }
} finally {
  for (const { child } of Object.values(servers)) child.kill('SIGTERM');
}

const format = (value: number) => Math.round(value).toLocaleString('en-US');
const median = (values: number[]) => values.slice().sort((left, right) => left - right)[Math.floor((values.length - 1) / 2)];
console.log(`${connections} connections; ${milliseconds / 1000} s per scenario after a 1 s warm-up; ${runs} runs, interleaved; client and servers in separate processes`);
console.log('| scenario | requests/s (median) | range | server CPU µs/request (median) | failures |');
console.log('|---|---:|---:|---:|---:|');
for (const scenario of scenarios) {
  const rates = results.get(scenario.name)!;
  const perRequest = median(cpu.get(scenario.name)!);
  const cpuCell = perRequest === undefined ? '—' : perRequest.toFixed(0);
  console.log(
    `| ${scenario.name} | ${format(median(rates)!)} | ${format(Math.min(...rates))}–${format(Math.max(...rates))} | ${cpuCell} | ${failures.get(scenario.name)} |`,
  );
}
