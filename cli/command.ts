import type { CliContext } from './local-stack';

/** A CLI subcommand: `run` returns the process exit code (0 ok, 1 something rejected/failed, 2 usage). */
export interface Command {
  name: string;
  summary: string;
  /** Full help text shown by `newsdrop COMMAND --help`. */
  help: string;
  run(argv: string[], context: CliContext): Promise<number>;
}

export class UsageError extends Error {}
