import type { Command } from 'commander';

import type { CliContext } from './cli-context.js';

/**
 * One command of the `billing` CLI, in its own file under `commands/`.
 * `register` adds it to the program with its options, help and action;
 * the action reports its exit code through the context.
 */
export interface CliCommand {
  register(program: Command, context: CliContext): void;
}
