import { Client, Pool } from 'undici';
import type { LoadRequest } from '../load/exchange.ts';
import type { Scenario } from './scenarios.ts';

export type PathName = 'direct' | 'frugal' | 'portkey';

export const PATH_LABELS: Record<PathName, string> = { direct: 'direct', frugal: 'Frugal', portkey: 'Portkey' };

/** One way to reach the emulator: directly, or through a gateway. */
export interface Target {
  name: PathName;
  origin: string;
  /** The process this path adds: the emulator for the direct path, else the gateway. */
  serverPid: number;
  /** One keep-alive connection, for latency at concurrency 1. */
  single: Client;
  /** Keep-alive connections for throughput and the memory phase. */
  pool: Pool;
  /** Every request sent through this target (answered or not), to check the ledger against. */
  sent: number;
  requestFor(scenario: Scenario): LoadRequest;
}

export function createTarget(name: PathName, origin: string, serverPid: number, connections: number, extraHeaders: Record<string, string> = {}): Target {
  const requests = new Map<Scenario, LoadRequest>();
  const options = { keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000, headersTimeout: 60_000, bodyTimeout: 60_000 };
  return {
    name,
    origin,
    serverPid,
    single: new Client(origin, { ...options, pipelining: 1 }),
    pool: new Pool(origin, { ...options, connections, pipelining: 1 }),
    sent: 0,
    requestFor(scenario) {
      let request = requests.get(scenario);
      if (request === undefined) {
        request = { ...scenario.request, headers: { ...scenario.request.headers, ...extraHeaders } };
        requests.set(scenario, request);
      }
      return request;
    },
  };
}

export async function closeTarget(target: Target): Promise<void> {
  await Promise.all([target.single.destroy(), target.pool.destroy()]);
}
