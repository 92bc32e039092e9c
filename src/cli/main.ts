import { COMMANDS } from './commands.ts';
import type { CliIO } from './command.ts';
import { FrugalError } from '../errors/frugal-error.ts';

async function help(): Promise<string> {
  const lines = ['usage: frugal <command> [options]', '', 'commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const command = (await load()).default;
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Run `frugal <command> --help` for the options of one command.');
  return lines.join('\n');
}

/** Runs one CLI invocation and returns its exit status; tests call this in-process. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await help());
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    io.stderr(`frugal: unknown command "${name}"\n\n${await help()}`);
    return 2;
  }
  const command = (await load()).default;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`usage: ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (FrugalError.isInstance(error)) {
      io.stderr(`frugal ${name}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

