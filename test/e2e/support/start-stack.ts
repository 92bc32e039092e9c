import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/config/parse-config.ts';
import type { EmulatorOptions } from '../../../src/emulator/configuration/emulator-options.ts';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/start-emulator.ts';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../../src/gateway/start-gateway.ts';

export interface Stack {
  emulator: RunningEmulator;
  gateway: RunningGateway;
  /** Lines the gateway logged. */
  logs: string[];
  /** An OpenAI SDK client on the gateway (no retries, so every failure is seen). */
  openai(options?: { apiKey?: string; headers?: Record<string, string> }): OpenAI;
  anthropic(options?: { apiKey?: string; headers?: Record<string, string> }): Anthropic;
  close(): Promise<void>;
}

export interface StackOptions {
  /** frugal.yaml text (without `storage`, which the stack sets). */
  config?: string;
  env?: Record<string, string | undefined>;
  emulator?: EmulatorOptions;
  gateway?: Partial<Omit<GatewayOptions, 'config' | 'emulatorUrl' | 'env' | 'log'>>;
}

/** An emulator and a gateway pointed at it, both on free loopback ports, with SQLite in a temporary folder. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const folder = await mkdtemp(join(tmpdir(), 'frugal-e2e-'));
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const logs: string[] = [];
  const config = parseConfig(`${options.config ?? ''}\nstorage:\n  path: ${JSON.stringify(join(folder, 'ledger.db'))}\n`, 'test.yaml');
  const gateway = await startGateway({
    ...options.gateway,
    config,
    emulatorUrl: emulator.url,
    port: 0,
    host: '127.0.0.1',
    env: options.env ?? {},
    log: (line) => void logs.push(line),
  });
  return {
    emulator,
    gateway,
    logs,
    openai: ({ apiKey = 'client-key', headers } = {}) =>
      new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey, maxRetries: 0, ...(headers === undefined ? {} : { defaultHeaders: headers }) }),
    anthropic: ({ apiKey = 'client-key', headers } = {}) =>
      new Anthropic({ baseURL: gateway.url, apiKey, maxRetries: 0, ...(headers === undefined ? {} : { defaultHeaders: headers }) }),
    close: async () => {
      await gateway.close();
      await emulator.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A gateway alone (no emulator) whose providers point where `config` says, e.g. at a
 * recording upstream; SQLite in a temporary folder.
 */
export async function startGatewayOnly(configText: string, env: Record<string, string | undefined> = {}, levers: GatewayOptions['levers'] = []) {
  const folder = await mkdtemp(join(tmpdir(), 'frugal-e2e-'));
  const logs: string[] = [];
  const config = parseConfig(`${configText}\nstorage:\n  path: ${JSON.stringify(join(folder, 'ledger.db'))}\n`, 'test.yaml');
  const gateway = await startGateway({ config, port: 0, host: '127.0.0.1', env, levers, log: (line) => void logs.push(line) });
  return {
    gateway,
    logs,
    openai: (apiKey: string, headers: Record<string, string> = {}) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey, maxRetries: 0, defaultHeaders: headers }),
    anthropic: (apiKey: string, headers: Record<string, string> = {}) => new Anthropic({ baseURL: gateway.url, apiKey, maxRetries: 0, defaultHeaders: headers }),
    close: async () => {
      await gateway.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** The ledger's view of a request, once everything acknowledged is written. */
export async function ledgerRow(stack: { gateway: RunningGateway }, requestId: string | null) {
  if (requestId === null) throw new Error('the response has no x-frugal-request-id header');
  await stack.gateway.ledger.flush();
  const details = await stack.gateway.ledger.getRequest(requestId);
  if (details === null) throw new Error(`request ${requestId} is not in the ledger`);
  return details;
}
