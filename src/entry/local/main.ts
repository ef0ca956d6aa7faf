import { config as loadDotenv } from 'dotenv';

import { ConfigError } from '../../config/errors.js';
import { LocalStackError } from './errors.js';
import { startLocalStack } from './local-stack.js';

/**
 * `npm start`: the whole billing stack on this machine (see
 * {@link startLocalStack}). A bad setting or a busy port prints one line
 * and exits with status 1 before anything runs; Ctrl-C (SIGINT) or
 * SIGTERM stops everything, prints `Stopped.` and exits with status 0.
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const stack = await startLocalStack();

  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    process.stdout.write(`Received ${signal}, stopping...\n`);
    stack.stop().then(
      () => {
        process.stdout.write('Stopped.\n');
        process.exit(0);
      },
      (error: unknown) => fail(error),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function fail(error: unknown): never {
  const isKnown =
    error instanceof ConfigError || error instanceof LocalStackError;
  const message = isKnown
    ? error.message
    : `The local stack failed: ${String(error)}`;
  process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

main().catch(fail);
