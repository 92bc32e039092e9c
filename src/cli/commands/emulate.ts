import { dirname, resolve } from 'node:path';
import type { Command } from '../command.ts';
import { parseCount, parseOptions } from '../parse-options.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { parseEmulatorConfig } from '../../emulator/configuration/parse-emulator-config.ts';
import type { EmulatorOptions } from '../../emulator/configuration/emulator-options.ts';
import { startEmulator } from '../../emulator/start-emulator.ts';

const usage =
  'frugal emulate [--port N] [--host H] [--config FILE] [--replay FILE] [--seed S] [--latency realistic|zero]';

/** Options from the command line win over the config file. */
async function buildOptions(values: Record<string, string | boolean | undefined>, io: Parameters<Command['run']>[1]) {
  let options: EmulatorOptions = {};
  if (typeof values.config === 'string') {
    options = parseEmulatorConfig(await io.readFile(values.config), values.config);
    // A dataset named in the config file is relative to that file.
    if (options.replay !== undefined) options.replay.file = resolve(dirname(values.config), options.replay.file);
  }
  if (typeof values.port === 'string') {
    const port = parseCount(values.port, '--port');
    if (port > 65_535) throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--port must be at most 65535, got ${port}`);
    options.port = port;
  }
  if (typeof values.host === 'string') options.host = values.host;
  if (typeof values.seed === 'string') options.seed = parseCount(values.seed, '--seed');
  if (typeof values.latency === 'string') {
    if (values.latency !== 'realistic' && values.latency !== 'zero') {
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--latency must be "realistic" or "zero", got "${values.latency}"`);
    }
    options.latency = { ...options.latency, mode: values.latency };
  }
  if (typeof values.replay === 'string') options.replay = { ...options.replay, file: resolve(values.replay) };
  return options;
}

const command: Command = {
  summary: 'Run a local stand-in for the OpenAI, Anthropic and Gemini APIs (and OpenAI-compatible hosts).',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        replay: { type: 'string' },
        seed: { type: 'string' },
        latency: { type: 'string' },
      },
      usage,
    );
    const options = await buildOptions(values, io);
    options.port ??= 8787;
    const emulator = await startEmulator(options);
    io.stdout(
      [
        `frugal emulator listening on ${emulator.url}`,
        `  OpenAI     ${emulator.urls.openai}`,
        `  Anthropic  ${emulator.urls.anthropic}`,
        `  Gemini     ${emulator.urls.gemini}`,
        `  compatible ${emulator.urls.compatible}`,
        `  control    ${emulator.url}/_emulator`,
      ].join('\n'),
    );
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await emulator.close();
    io.stdout('frugal emulator stopped');
    return 0;
  },
};

export default command;
