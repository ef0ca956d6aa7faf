import type { Environment } from '../config/load-config.js';

/** Where the CLI writes: a stream, or a buffer in tests. */
export interface CliOutput {
  write(text: string): unknown;
}

/** What one run of the CLI reads and writes. */
export interface CliIo {
  /** Variables to read the configuration from (as the services do). */
  readonly env: Environment;
  /** Results: checklists, reports, tables. */
  readonly stdout: CliOutput;
  /** Progress, warnings and errors. */
  readonly stderr: CliOutput;
  /** The clock, milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Exit codes of the `billing` CLI: 0 when everything is in order, 1 when
 * something failed or drift remains (a dry run that found drift, a
 * failed replay, a failed doctor check), 2 for a usage or configuration
 * error (nothing was done).
 */
export const EXIT_CODES = {
  ok: 0,
  failure: 1,
  usage: 2,
} as const;

/** A code of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
