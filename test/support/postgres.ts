/**
 * Starts a throwaway PostgreSQL server for tests: a fresh cluster in a temporary folder,
 * listening on a free loopback port (and a Unix socket inside that folder), removed on stop.
 * PostgreSQL refuses to run as root, so when the tests run as root every server command
 * runs as the `postgres` user through `runuser`.
 */
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freeLoopbackPort } from './free-port.ts';

const run = promisify(execFile);

const DEBIAN_ROOT = '/usr/lib/postgresql';

export type PostgresAvailability =
  | { available: true; binaryFolder: string }
  | { available: false; reason: string };

export interface PostgresServer {
  /** Connection URL of the `postgres` database, e.g. postgres://postgres@127.0.0.1:5433/postgres. */
  url: string;
  /** URL of another database on the same server. */
  databaseUrl(database: string): string;
  /** Creates an empty database on the server and returns its URL. */
  createDatabase(database: string): Promise<string>;
  stop(): Promise<void>;
}

/** Finds initdb/pg_ctl: Debian's /usr/lib/postgresql/<version>/bin (newest first), then PATH. */
export async function findPostgres(): Promise<PostgresAvailability> {
  const candidates: string[] = [];
  if (existsSync(DEBIAN_ROOT)) {
    const versions = (await readdir(DEBIAN_ROOT)).filter((name) => /^\d+$/.test(name));
    versions.sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(DEBIAN_ROOT, version, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  for (const folder of candidates) {
    if (existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl'))) {
      return { available: true, binaryFolder: folder };
    }
  }
  return {
    available: false,
    reason:
      `PostgreSQL server binaries (initdb, pg_ctl) not found in ${DEBIAN_ROOT}/<version>/bin or on PATH; ` +
      'install the Debian package "postgresql" (CI does: see .ci/run)',
  };
}

export async function startPostgres(binaryFolder: string): Promise<PostgresServer> {
  const root = await mkdtemp(join(tmpdir(), 'frugal-postgres-'));
  const dataFolder = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  const runAsServerUser = async (command: string, args: string[]) => {
    const binary = join(binaryFolder, command);
    return asRoot ? run('runuser', ['-u', 'postgres', '--', binary, ...args]) : run(binary, args);
  };
  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: group } = await run('id', ['-g', 'postgres']);
      await chown(root, Number(stdout.trim()), Number(group.trim()));
    }
    await runAsServerUser('initdb', [
      '--pgdata', dataFolder, '--username', 'postgres', '--auth', 'trust',
      '--encoding', 'UTF8', '--no-sync', '--no-instructions',
    ]);
    const port = await startOnFreePort(runAsServerUser, root, dataFolder);
    const databaseUrl = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return {
      url: databaseUrl('postgres'),
      databaseUrl,
      async createDatabase(database) {
        const client = new Client({ connectionString: databaseUrl('postgres') });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${database}`);
        } finally {
          await client.end();
        }
        return databaseUrl(database);
      },
      async stop() {
        await runAsServerUser('pg_ctl', ['stop', '--pgdata', dataFolder, '--mode', 'immediate', '--wait'])
          .catch(() => undefined);
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

type RunAsServerUser = (command: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;

/** A free port can be taken by someone else between the probe and the start, so try a few. */
async function startOnFreePort(runAsServerUser: RunAsServerUser, root: string, dataFolder: string): Promise<number> {
  let lastError: unknown;
  for (let tries = 0; tries < 3; tries += 1) {
    const port = await freeLoopbackPort();
    const options = [
      `-p ${port}`, `-k ${root}`, '-c listen_addresses=127.0.0.1',
      '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=50',
    ].join(' ');
    try {
      await runAsServerUser('pg_ctl', [
        'start', '--pgdata', dataFolder, '--wait', '--timeout', '30',
        '--log', join(root, 'server.log'), '--options', options,
      ]);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  const log = await readFile(join(root, 'server.log'), 'utf8').catch(() => '(no server log)');
  throw new Error(`could not start PostgreSQL: ${String(lastError)}\n${log.split('\n').slice(-20).join('\n')}`);
}

