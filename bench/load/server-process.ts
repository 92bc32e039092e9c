import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  name: string;
  pid: number;
  /** The ready line's match (for example the port it printed). */
  ready: RegExpExecArray;
  /** The last few kilobytes the process wrote, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMilliseconds`. */
  stop(graceMilliseconds?: number): Promise<void>;
}

export interface ServerProcessOptions {
  /** Matched against everything the process writes to stdout and stderr. */
  ready: RegExp;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  startTimeoutMilliseconds?: number;
}

const KEPT_OUTPUT = 4096;
const running = new Set<ChildProcess>();

// Whatever happens to this process, no server it started outlives it.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts a server process and resolves once it prints its ready line. */
export function startServerProcess(name: string, command: string, args: string[], options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env, cwd: options.cwd });
  running.add(child);
  let kept = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running.delete(child);
    resolve();
  }));
  const stop = async (graceMilliseconds = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMilliseconds);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => {
      void stop(1000);
      reject(new Error(`${name} did not start within ${options.startTimeoutMilliseconds ?? 30_000} ms; its output:\n${kept}`));
    }, options.startTimeoutMilliseconds ?? 30_000);
    const read = (chunk: Buffer) => {
      kept = (kept + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
      if (started) return;
      const match = options.ready.exec(kept);
      if (match === null) return;
      started = true;
      clearTimeout(timer);
      resolve({ name, pid: child.pid!, ready: match, output: () => kept, stop });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${name} could not be started (${command}): ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      if (started) return;
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (${signal ?? `code ${code}`}); its output:\n${kept}`));
    });
  });
}

