import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../load/server-process.ts';

const CLI = new URL('../../src/cli/run.ts', import.meta.url).pathname;

export type UrlServer = ServerProcess & { url: string };

/** `frugal emulate --port 0` with the given options, in its own process. */
export async function startEmulatorProcess(name: string, options: string[]): Promise<UrlServer> {
  const server = await startServerProcess(name, process.execPath, [CLI, 'emulate', '--port', '0', '--host', '127.0.0.1', ...options], {
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  return { ...server, url: server.ready[1]! };
}

/**
 * `frugal serve --emulate URL` in its own process, with the ledger on: SQLite in `folder`.
 * `nodeOptions` go to Node itself (for example --cpu-prof).
 */
export async function startFrugalGateway(name: string, emulatorUrl: string, folder: string, nodeOptions: string[] = []): Promise<UrlServer> {
  const config = join(folder, 'frugal.yaml');
  writeFileSync(config, 'storage:\n  backend: sqlite\n  path: ledger.db\n');
  const server = await startServerProcess(
    name,
    process.execPath,
    [...nodeOptions, CLI, 'serve', '--config', config, '--emulate', emulatorUrl, '--port', '0', '--host', '127.0.0.1'],
    // No gateway key: the load sends none.
    { ready: /gateway: (http:\/\/127\.0\.0\.1:\d+)/, env: { ...process.env, FRUGAL_GATEWAY_KEY: '' } },
  );
  return { ...server, url: server.ready[1]! };
}
