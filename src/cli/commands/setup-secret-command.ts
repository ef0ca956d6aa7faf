import type { Command } from 'commander';

import { SECRET_KEYS } from '../../config/stripe-secrets.js';
import { SetupRefusedError } from '../../golive/errors.js';
import { promptSecret } from '../../golive/prompt-secret.js';
import {
  type StripeKeysInput,
  saveStripeKeys,
} from '../../golive/save-stripe-keys.js';
import type { CliContext } from '../cli-context.js';
import {
  envFileOption,
  openStore,
  type StoreOptions,
  storeOption,
} from './setup-options.js';

interface SetupSecretOptions extends StoreOptions {
  readonly fromEnv?: boolean;
}

/** Registers `billing setup secret` under `setup`. */
export function registerSetupSecret(setup: Command, context: CliContext) {
  setup
    .command('secret')
    .description(
      'Create or update the Stripe keys in the stage secret (stripe/<stage>) ' +
        'or .env, asked on the terminal without echo, or read with ' +
        '--from-env. Refuses test and live keys mixed; never prints a value.',
    )
    .addOption(storeOption())
    .addOption(envFileOption())
    .option(
      '--from-env',
      `read ${SECRET_KEYS.secretKey} and ${SECRET_KEYS.publishableKey} ` +
        'from the environment instead of asking',
    )
    .action((options: SetupSecretOptions) => runSetupSecret(context, options));
}

async function runSetupSecret(
  context: CliContext,
  options: SetupSecretOptions,
): Promise<void> {
  const { store } = openStore(context, options);
  const input = options.fromEnv
    ? readFromEnv(context)
    : await askOnTerminal(store.description);

  const saved = await saveStripeKeys(store, input);

  const names = saved.changed.length > 0 ? saved.changed.join(', ') : 'none';
  context.print(
    `${store.description}: ${saved.mode}-mode keys; changed: ${names}`,
  );
  if (saved.staleWebhookMode) {
    context.note(
      `The stored webhook signing secret belongs to a ` +
        `${saved.staleWebhookMode}-mode endpoint: run setup webhook ` +
        '--rotate --url <endpoint> with these keys.',
    );
  }
}

function readFromEnv(context: CliContext): StripeKeysInput {
  const env = context.io.env;
  const input = {
    secretKey: env[SECRET_KEYS.secretKey],
    publishableKey: env[SECRET_KEYS.publishableKey],
  };
  if (!input.secretKey && !input.publishableKey) {
    throw new SetupRefusedError(
      `--from-env found neither ${SECRET_KEYS.secretKey} nor ` +
        `${SECRET_KEYS.publishableKey} in the environment.`,
    );
  }
  return input;
}

async function askOnTerminal(where: string): Promise<StripeKeysInput> {
  if (!process.stdin.isTTY) {
    throw new SetupRefusedError(
      'No terminal to ask on: run it in a terminal, or set the keys in ' +
        'the environment and pass --from-env.',
    );
  }
  const keep = `(Enter keeps the one in ${where})`;
  return {
    secretKey: await promptSecret(`${SECRET_KEYS.secretKey} ${keep}: `),
    publishableKey: await promptSecret(
      `${SECRET_KEYS.publishableKey} ${keep}: `,
    ),
  };
}
