import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../config/parse-config.ts';
import { startEmulator } from '../../emulator/start-emulator.ts';
import { startGateway } from '../../gateway/start-gateway.ts';
import type { CliIO, Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { AGENT_STEPS, runAgent } from './demo/agent-loop.ts';
import { demoReport } from './demo/demo-report.ts';
import { runTicket, supportTickets } from './demo/support-bot.ts';

const USAGE = `frugal demo [--keep-running]

  Starts the emulator and the gateway on free loopback ports (SQLite in a temporary folder),
  drives a support bot and an agent loop through the official OpenAI and Anthropic SDKs, and
  prints where the money went.
  --keep-running  leave the gateway up afterwards (Ctrl-C to stop)`;

/** Two routes, each with a dearer baseline model, so the report can show what routing and caching saved. */
function demoConfig(folder: string): string {
  return [
    'routes:',
    '  support-bot:',
    '    provider: openai',
    '    model: gpt-4o-mini',
    '    baseline: { provider: openai, model: gpt-4o }',
    '  agent:',
    '    provider: anthropic',
    '    model: claude-sonnet-4-6',
    '    baseline: { provider: anthropic, model: claude-opus-4-6 }',
    'storage:',
    `  path: ${JSON.stringify(join(folder, 'ledger.db'))}`,
  ].join('\n');
}

async function sendFeedback(gatewayUrl: string, taskId: string, success: boolean): Promise<void> {
  const response = await fetch(`${gatewayUrl}/v1/frugal/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ taskId, success }),
  });
  if (!response.ok) throw new Error(`feedback for ${taskId} answered ${response.status}`);
}

const command: Command = {
  summary: 'See Frugal meter a realistic workload end to end, offline, in a few seconds.',
  usage: USAGE,
  async run(argv: string[], io: CliIO) {
    const { values } = parseOptions(argv, { 'keep-running': { type: 'boolean' } }, USAGE);
    const started = performance.now();
    const folder = await mkdtemp(join(tmpdir(), 'frugal-demo-'));
    const emulator = await startEmulator({ port: 0 });
    const gateway = await startGateway({ config: parseConfig(demoConfig(folder), 'demo'), emulatorUrl: emulator.url, port: 0, host: '127.0.0.1', env: {}, log: io.stderr });
    try {
      io.stdout(`emulator ${emulator.url}, gateway ${gateway.url}, ledger ${join(folder, 'ledger.db')}`);
      const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'demo', maxRetries: 0 });
      const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'demo', maxRetries: 0 });

      const tickets = supportTickets();
      let answered = 0;
      await Promise.all(
        tickets.map(async (ticket) => {
          await runTicket(openai, ticket);
          await sendFeedback(gateway.url, ticket.id, ticket.resolved);
          answered += 1;
          io.stdout(`support bot: ${ticket.id} (${ticket.customer}, ${ticket.topic}) ${ticket.resolved ? 'resolved' : 'not resolved'} [${answered}/${tickets.length}]`);
        }),
      );

      const agentRuns = ['acme', 'globex', 'initech'].map((customer, index) => ({ id: `agent-run-${index + 1}`, customer }));
      await Promise.all(
        agentRuns.map(async (run) => {
          await runAgent(anthropic, run.id, run.customer, (step) => {
            if (step % 5 === 0) io.stdout(`agent: ${run.id} (${run.customer}) step ${step}/${AGENT_STEPS}`);
          });
          await sendFeedback(gateway.url, run.id, true);
        }),
      );

      const report = await demoReport(gateway.url, { tickets: tickets.map((ticket) => ticket.id), agentRuns: agentRuns.map((run) => run.id) });
      for (const line of report) io.stdout(line);
      io.stdout(`\ndemo finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (values['keep-running'] !== true) {
        io.stdout('(the gateway stops with the demo: run `frugal demo --keep-running` to try those URLs)');
      } else {
        io.stdout('the gateway keeps running; Ctrl-C stops it');
        io.stdout(`gateway: ${gateway.url}`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
      }
    } finally {
      await gateway.close();
      await emulator.close();
      await rm(folder, { recursive: true, force: true });
    }
    return 0;
  },
};

export default command;
