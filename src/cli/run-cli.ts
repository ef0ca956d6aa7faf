import { Command, CommanderError } from 'commander';

import { ConfigError } from '../config/errors.js';
import { CliContext } from './cli-context.js';
import { type CliIo, EXIT_CODES, type ExitCode } from './cli-io.js';
import { CLI_COMMANDS } from './command-registry.js';
import { LocalStackNotRunningError } from './errors.js';
import { isLocalRequested, readLocalStackEnv } from './local-stack-env.js';

const HELP_CODES = ['commander.helpDisplayed', 'commander.version'];

/**
 * Runs the `billing` CLI in-process on `argv` (the arguments after the
 * program name) and answers the exit code (see {@link EXIT_CODES}). All
 * output goes to `io.stdout` and `io.stderr`; nothing calls
 * `process.exit`, so tests drive it directly.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
): Promise<ExitCode> {
  const context = new CliContext(io);
  const program = makeProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return reportError(error, context);
  } finally {
    context.close();
  }
}

function makeProgram(context: CliContext): Command {
  const program = new Command('billing')
    .description(
      'Operate the Stripe billing backend: reconcile state from Stripe, ' +
        'inspect and replay events, check the configuration.',
    )
    .option(
      '--local',
      'run against the local stack (npm start) on DATA_DIR (default ' +
        '.data): its stores, sandbox and keys; also BILLING_LOCAL=1',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 failure or drift left unfixed, ' +
        '2 usage or configuration error.',
    )
    .hook('preAction', async (program) => {
      const env = context.io.env;
      if (isLocalRequested(program.opts().local, env)) {
        context.useEnvironment(await readLocalStackEnv(env));
      }
    })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
    });
  for (const command of CLI_COMMANDS) command.register(program, context);
  return program;
}

function reportError(error: unknown, context: CliContext): ExitCode {
  if (error instanceof CommanderError) {
    return HELP_CODES.includes(error.code) ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
  if (
    error instanceof ConfigError ||
    error instanceof LocalStackNotRunningError
  ) {
    context.note(error.message);
    return EXIT_CODES.usage;
  }
  context.note(
    `Failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  return EXIT_CODES.failure;
}
