import { readFile } from 'node:fs/promises';
import type { CliIO } from './command.ts';
import { FrugalError } from '../errors/frugal-error.ts';

/** An in-memory CliIO for tests: collects what a command prints. */
export function captureIO(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch {
        throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `cannot read ${path}: no such file`);
      }
    },
    env,
  };
  return { io, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}
