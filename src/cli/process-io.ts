import { readFile } from 'node:fs/promises';
import type { CliIO } from './command.ts';
import { FrugalError } from '../errors/frugal-error.ts';

/** The CLI's IO bound to the real process (stdout, stderr, files, environment). */
export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readFile: async (path) => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `cannot read ${path}: ${reason}`);
    }
  },
  env: process.env,
};
