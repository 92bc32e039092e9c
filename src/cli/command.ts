/** What every `frugal <command>` module exports as default. */
export interface Command {
  summary: string;
  usage: string;
  /** Returns the process exit status. Throw FrugalError for bad input (exit 2). */
  run(argv: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file named on the command line (for `@FILE` arguments and `--request FILE`). */
  readFile: (path: string) => Promise<string>;
  env: Record<string, string | undefined>;
}
