import { loadConfig } from '../../config/load-config.ts';
import type { RunningEmulator } from '../../emulator/start-emulator.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { startGateway } from '../../gateway/start-gateway.ts';
import type { CliIO, Command } from '../command.ts';
import { parseCount, parseOptions } from '../parse-options.ts';

const USAGE = `frugal serve [--config FILE] [--port N] [--host H] [--emulate [URL]]

  --config   gateway configuration (default ./frugal.yaml when present, else built-in defaults)
  --port     port to listen on (default server.port, 8787; 0 picks a free port)
  --host     address to listen on (default server.host, 127.0.0.1)
  --emulate  start a built-in emulator and point every provider at it: offline, no keys needed
             with URL: point every provider at an emulator already running at URL`;

/** `--emulate` takes an optional value, which parseArgs cannot express: it is read here first. */
export function takeEmulate(argv: string[]): { rest: string[]; emulate: false | true | string } {
  const rest: string[] = [];
  let emulate: false | true | string = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument.startsWith('--emulate=')) {
      emulate = argument.slice('--emulate='.length);
    } else if (argument === '--emulate') {
      const next = argv[index + 1];
      if (next !== undefined && /^https?:\/\//.test(next)) {
        emulate = next;
        index += 1;
      } else {
        emulate = true;
      }
    } else {
      rest.push(argument);
    }
  }
  if (typeof emulate === 'string' && !/^https?:\/\/[^/\s]+/.test(emulate)) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--emulate takes an http(s) URL, got "${emulate}"`);
  }
  return { rest, emulate };
}

/** Resolves on the first SIGTERM or SIGINT. */
function nextStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

const command: Command = {
  summary: 'Run the gateway: OpenAI- and Anthropic-compatible endpoints with an exact ledger.',
  usage: USAGE,
  async run(argv: string[], io: CliIO) {
    const { rest, emulate } = takeEmulate(argv);
    const { values } = parseOptions(rest, { config: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } }, USAGE);
    const config = await loadConfig(values.config);
    let port: number | undefined;
    if (values.port !== undefined) {
      port = parseCount(values.port, '--port');
      if (port > 65_535) throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--port must be at most 65535, got ${port}`);
    }
    let emulator: RunningEmulator | undefined;
    // Loaded only when it runs here: the emulator's modules are no part of the gateway's footprint.
    if (emulate === true) emulator = await (await import('../../emulator/start-emulator.ts')).startEmulator({ port: 0 });
    const emulatorUrl = emulator?.url ?? (typeof emulate === 'string' ? emulate : undefined);
    const gateway = await startGateway({
      config,
      ...(emulatorUrl === undefined ? {} : { emulatorUrl }),
      ...(port === undefined ? {} : { port }),
      ...(values.host === undefined ? {} : { host: values.host }),
      env: io.env,
      log: io.stderr,
    }).catch(async (error: unknown) => {
      await emulator?.close();
      throw error;
    });
    io.stdout(`gateway: ${gateway.url}`);
    if (emulatorUrl !== undefined) io.stdout(`emulator: ${emulatorUrl} (every provider points there)`);
    io.stdout(`ledger: ${config.storage.backend === 'sqlite' ? config.storage.path : 'postgres'}`);
    const signal = await nextStopSignal();
    io.stderr(`frugal serve: ${signal}: finishing requests in flight and writing the ledger`);
    await gateway.close();
    await emulator?.close();
    io.stderr('frugal serve: stopped');
    return 0;
  },
};

export default command;
