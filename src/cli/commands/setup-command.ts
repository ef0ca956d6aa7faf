import type { Command } from 'commander';

import type { CliCommand } from '../cli-command.js';
import type { CliContext } from '../cli-context.js';
import { registerSetupPlans } from './setup-plans-command.js';
import { registerSetupSecret } from './setup-secret-command.js';
import { registerSetupWebhook } from './setup-webhook-command.js';

/**
 * `billing setup`: the go-live steps that make Stripe match the deployed
 * backend, each safe to run twice: `secret`, `plans`, `webhook`.
 */
export const setupCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    const setup = program
      .command('setup')
      .description(
        'Set Stripe up to match this backend: store the keys (secret), ' +
          'create the plans (plans), register the webhook (webhook).',
      );
    registerSetupSecret(setup, context);
    registerSetupPlans(setup, context);
    registerSetupWebhook(setup, context);
  },
};
