import { join } from 'node:path';

import { Command } from 'commander';

import { DEFAULT_SANDBOX_PORT, startSandbox } from './start-sandbox.js';
import { StateStore } from './state/state-store.js';

/**
 * Data folder of `npm run sandbox` when `--data-dir` is not given: its own
 * folder under `DATA_DIR` (default `.data`), apart from the local stack's
 * `sandbox` folder, so that `--reset` never wipes the stack's state.
 */
const DEFAULT_DATA_DIR = join(
  process.env.DATA_DIR || '.data',
  'sandbox-standalone',
);

const program = new Command()
  .name('sandbox')
  .description('Offline Stripe sandbox for the Billing API')
  .option('--port <port>', 'port to listen on', process.env.SANDBOX_PORT)
  .option('--data-dir <dir>', 'folder of the state snapshot', DEFAULT_DATA_DIR)
  .option('--reset', 'wipe the saved state before starting', false)
  .parse();

const options = program.opts<{
  port?: string;
  dataDir: string;
  reset: boolean;
}>();
if (options.reset) await StateStore.remove(options.dataDir);
const sandbox = await startSandbox({
  port: options.port ? Number(options.port) : DEFAULT_SANDBOX_PORT,
  dataDir: options.dataDir,
});
// biome-ignore lint/suspicious/noConsole: the CLI tells the user where it runs
console.log(
  [
    `Stripe sandbox on ${sandbox.url}`,
    `  state in   ${options.dataDir}${options.reset ? ' (reset)' : ''}`,
    `  SDK        host 127.0.0.1, port ${sandbox.port}, protocol http`,
    '  secret key any sk_test_... key (e.g. sk_test_sandbox_local)',
    'Press Ctrl-C to stop.',
  ].join('\n'),
);
const stop = async () => {
  await sandbox.stop();
  // biome-ignore lint/suspicious/noConsole: the CLI's last line
  console.log('Stopped.');
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
