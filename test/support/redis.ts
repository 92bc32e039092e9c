import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { freeLoopbackPort } from './free-port.ts';

/** A throwaway redis-server on a free loopback port, for tests. */
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER_BINARY ?? '/usr/bin/redis-server';

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} before accepting connections on port ${port}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`redis-server did not accept connections on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/**
 * Starts redis-server without persistence on a free port. Without the binary: throws in CI
 * (the CI image installs it, so its absence is a failure), and otherwise returns the reason
 * to skip, for the test to show.
 */
export async function startRedis(): Promise<RedisServer | { skip: string }> {
  if (!existsSync(BINARY)) {
    const reason = `redis-server not found at ${BINARY} (install Debian's redis-server, or set REDIS_SERVER_BINARY)`;
    if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') throw new Error(`CI is set but ${reason}`);
    return { skip: reason };
  }
  const port = await freeLoopbackPort();
  const child = spawn(BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], { stdio: 'ignore' });
  await waitForPort(port, child, 5_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
