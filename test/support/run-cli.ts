import { captureIO } from '../../src/cli/capture-io.ts';
import { main } from '../../src/cli/main.ts';

/** Runs `frugal <command> ...argv` in memory: the exit status and what it printed. */
export async function runCli(command: string, argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const captured = captureIO();
  const status = await main([command, ...argv], captured.io);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}
