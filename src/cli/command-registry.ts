import type { CliCommand } from './cli-command.js';
import { doctorCommand } from './commands/doctor-command.js';
import { eventsCommand } from './commands/events-command.js';
import { replayCommand } from './commands/replay-command.js';
import { setupCommand } from './commands/setup-command.js';
import { syncCommand } from './commands/sync-command.js';
import { undeliveredCommand } from './commands/undelivered-command.js';

/**
 * Every command of the `billing` CLI, in the order `--help` lists them.
 * A new command is one file in `commands/` and one line here.
 */
export const CLI_COMMANDS: readonly CliCommand[] = [
  syncCommand,
  eventsCommand,
  replayCommand,
  undeliveredCommand,
  doctorCommand,
  setupCommand,
];
