import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort } from '../../test/support/free-port.ts';
import { startServerProcess, type ServerProcess } from '../load/server-process.ts';

export const PORTKEY_VERSION = '1.15.2';
/**
 * Portkey declares `@hono/node-server ^1.3.3`, so npm installs the newest 1.x. From 1.14.2 on, that
 * adapter's Response keeps the upstream fetch response's immutable headers, and Portkey's
 * `updateHeaders` then throws `TypeError: immutable` on every streamed answer (Portkey issue #1389),
 * which it answers with a 500. The last release before that change is pinned.
 */
export const HONO_NODE_SERVER_VERSION = '1.14.1';

/** Outside the project: Portkey is installed only for the benchmark, never into package.json. */
function cacheFolder(): string {
  const root = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(root, 'frugal-bench', `portkey-gateway-${PORTKEY_VERSION}-hono-node-server-${HONO_NODE_SERVER_VERSION}`);
}

function installedVersion(folder: string, name: string): string | undefined {
  const file = join(folder, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}

/** Installs the pinned Portkey gateway into the benchmark cache when absent; returns its Node entry. */
export async function ensurePortkey(log: (line: string) => void): Promise<string> {
  const folder = cacheFolder();
  const entry = join(folder, 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js');
  if (installedVersion(folder, '@portkey-ai/gateway') === PORTKEY_VERSION && installedVersion(folder, '@hono/node-server') === HONO_NODE_SERVER_VERSION && existsSync(entry)) {
    return entry;
  }
  log(`installing @portkey-ai/gateway@${PORTKEY_VERSION} into ${folder} (benchmark only)`);
  mkdirSync(folder, { recursive: true });
  const manifest = {
    private: true,
    description: 'Installed by bench/overhead/run.ts for the gateway overhead benchmark only.',
    dependencies: { '@portkey-ai/gateway': PORTKEY_VERSION },
    overrides: { '@hono/node-server': HONO_NODE_SERVER_VERSION },
  };
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await new Promise<void>((resolve, reject) => {
    execFile('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: folder, timeout: 300_000 }, (error, _stdout, stderr) => {
      if (error === null) return resolve();
      reject(new Error(
        `cannot install @portkey-ai/gateway@${PORTKEY_VERSION} with npm into ${folder}: ${error.message}\n${stderr.slice(-2000)}\n` +
          'The benchmark needs npm and access to the npm registry once; afterwards the cached copy is used.',
      ));
    });
  });
  if (!existsSync(entry)) throw new Error(`npm installed @portkey-ai/gateway@${PORTKEY_VERSION} but ${entry} is missing`);
  return entry;
}

/** Starts Portkey's Node server on a free loopback port, without its web UI. */
export async function startPortkey(entry: string): Promise<ServerProcess & { url: string }> {
  const port = await freeLoopbackPort();
  const preload = new URL('./bind-loopback.ts', import.meta.url).pathname;
  const server = await startServerProcess('portkey gateway', process.execPath, ['--import', preload, entry, `--port=${port}`, '--headless'], {
    ready: /Ready for connections/,
  });
  return { ...server, url: `http://127.0.0.1:${port}` };
}

/** Portkey's routing headers: the OpenAI provider, with the emulator as its custom host. */
export function portkeyHeaders(emulatorUrl: string): Record<string, string> {
  return { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${emulatorUrl}/v1` };
}
