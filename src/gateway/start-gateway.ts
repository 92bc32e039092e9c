import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../catalog/catalog.ts';
import { loadCatalog } from '../catalog/load.ts';
import type { FrugalConfig } from '../config/types.ts';
import { FrugalError } from '../errors/frugal-error.ts';
import { Ledger, type LedgerOptions } from '../ledger/ledger.ts';
import type { LedgerStore } from '../ledger/store.ts';
import { createUpstreamPool } from '../providers/upstream/upstream-pool.ts';
import { createUpstreamProvider, type UpstreamProvider } from '../providers/upstream-provider.ts';
import { ModelList } from './endpoints/model-list.ts';
import type { Gateway } from './gateway.ts';
import { requestListener } from './http/route-request.ts';
import type { Lever } from './levers/lever.ts';
import { GatewayMetrics } from './metrics/gateway-metrics.ts';
import { pointAtEmulator } from './point-at-emulator.ts';
import { ModelResolver } from './steps/resolve-model.ts';
import { StorageHealth } from './storage-health.ts';

export interface GatewayOptions {
  config: FrugalConfig;
  /** Every provider points at the emulator at this URL (`frugal serve --emulate`). */
  emulatorUrl?: string;
  /** Override the configured port (0 picks a free one) and host. */
  port?: number;
  host?: string;
  /** Default: the shipped catalog with the configured overrides. */
  catalog?: Catalog;
  /** Default: the configured storage (SQLite under .frugal/ unless configured otherwise). */
  store?: LedgerStore;
  ledger?: Omit<LedgerOptions, 'onError'>;
  /** Levers run in order on every model call; none by default. */
  levers?: Lever[];
  /** Where provider keys and the gateway key are read; default process.env. */
  env?: Record<string, string | undefined>;
  /** Operator log lines; default stderr. */
  log?: (line: string) => void;
  /** How long close() waits for requests in flight before it cuts them. Default 30 s. */
  drainTimeoutMs?: number;
}

export interface RunningGateway {
  /** http://host:port, no trailing slash. */
  url: string;
  port: number;
  gateway: Gateway;
  ledger: Ledger;
  /** Stops accepting, lets requests in flight finish, writes the ledger, then closes storage. */
  close(): Promise<void>;
}

/** Only the configured backend is loaded: a SQLite gateway never holds the PostgreSQL client in memory. */
async function openStore(config: FrugalConfig): Promise<LedgerStore> {
  const { storage } = config;
  if (storage.backend === 'postgres') return (await import('../ledger/postgres-store/open-postgres-store.ts')).openPostgresStore({ url: storage.url! });
  return (await import('../ledger/sqlite-store/open-sqlite-store.ts')).openSqliteStore(storage.path);
}

/** Builds the gateway from its configuration and listens; resolves once it accepts requests. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const config = options.emulatorUrl === undefined ? options.config : pointAtEmulator(options.config, options.emulatorUrl);
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const catalog = options.catalog ?? (await loadCatalog(config.catalog.overrides === undefined ? {} : { overrides: config.catalog.overrides }));
  const providers = new Map<string, UpstreamProvider>();
  for (const [name, provider] of Object.entries(config.providers)) providers.set(name, createUpstreamProvider(provider));
  const models = new ModelResolver(config, providers, catalog);
  const health = new StorageHealth(log);
  const store = options.store ?? (await openStore(config));
  const ledgerOptions: LedgerOptions = { ...options.ledger, onError: health.onError };
  if (config.storage.batchSize !== undefined) ledgerOptions.batchSize ??= config.storage.batchSize;
  if (config.storage.flushIntervalMs !== undefined) ledgerOptions.flushIntervalMs ??= config.storage.flushIntervalMs;
  const ledger = new Ledger(store, ledgerOptions);
  health.watch(ledger);
  const gatewayKey = env[config.server.gatewayKeyEnv];
  const gateway: Gateway = {
    config,
    catalog,
    providers,
    models,
    pool: createUpstreamPool(config.server.timeouts),
    ledger,
    metrics: new GatewayMetrics(),
    levers: options.levers ?? [],
    gatewayKey: gatewayKey === undefined || gatewayKey === '' ? undefined : Buffer.from(gatewayKey),
    env,
    emulated: options.emulatorUrl !== undefined,
    log,
    draining: false,
    inFlight: 0,
  };
  const modelList = new ModelList(catalog, models, new Set(providers.keys()));
  const server: Server = createServer({ keepAlive: true, noDelay: true, requestTimeout: 0 }, requestListener(gateway, modelList, health));
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const listenPort = options.port ?? config.server.port;
  const listenHost = options.host ?? config.server.host;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listenPort, listenHost, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await ledger.close();
    await gateway.pool.close();
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `cannot listen on ${listenHost}:${listenPort} (${code}); choose another --port or server.port`, { port: listenPort });
  }
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address === '0.0.0.0' ? '127.0.0.1' : address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    gateway,
    ledger,
    close: () => (closing ??= shutDown(gateway, server, options.drainTimeoutMs ?? 30_000)),
  };
}

async function shutDown(gateway: Gateway, server: Server, drainTimeoutMs: number): Promise<void> {
  gateway.draining = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = Date.now() + drainTimeoutMs;
  while (gateway.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  server.closeAllConnections();
  await closed;
  try {
    await gateway.ledger.close();
  } finally {
    await gateway.pool.close();
  }
}
