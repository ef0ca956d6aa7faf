import { type Command, InvalidArgumentError } from 'commander';

import { GoLiveError, SetupRefusedError } from '../../golive/errors.js';
import { parseDuration } from '../../golive/parse-duration.js';
import {
  DEFAULT_GRACE_SECONDS,
  setupWebhookEndpoint,
  type WebhookSetupResult,
} from '../../golive/setup-webhook-endpoint.js';
import type { CliContext } from '../cli-context.js';
import {
  envFileOption,
  openStore,
  openStripe,
  type StoreOptions,
  storeOption,
} from './setup-options.js';

interface SetupWebhookOptions extends StoreOptions {
  readonly url: string;
  readonly rotate?: boolean;
  readonly grace: number;
  readonly json?: boolean;
}

/** Registers `billing setup webhook` under `setup`. */
export function registerSetupWebhook(setup: Command, context: CliContext) {
  setup
    .command('webhook')
    .description(
      'Register (or update) the Stripe webhook endpoint for --url with ' +
        'exactly the event types the webhook handles, and store its signing ' +
        'secret without printing it. Running it again finds the endpoint ' +
        'by URL and deletes endpoints whose rotation grace is over.',
    )
    .requiredOption('--url <endpoint>', 'the deployed webhook URL')
    .addOption(storeOption())
    .addOption(envFileOption())
    .option(
      '--rotate',
      'make a new endpoint and secret; the old secret stays accepted as ' +
        'STRIPE_WEBHOOK_SECRET_PREVIOUS for the grace period',
    )
    .option(
      '--grace <duration>',
      'how long the old secret stays accepted (e.g. 90m, 24h, 2d)',
      graceParser,
      DEFAULT_GRACE_SECONDS,
    )
    .option('--json', 'print the result as JSON')
    .action((options: SetupWebhookOptions) =>
      runSetupWebhook(context, options),
    );
}

function graceParser(value: string): number {
  try {
    return parseDuration(value, '--grace');
  } catch (error) {
    if (error instanceof GoLiveError) {
      throw new InvalidArgumentError(error.message);
    }
    throw error;
  }
}

async function runSetupWebhook(
  context: CliContext,
  options: SetupWebhookOptions,
): Promise<void> {
  const { config, store } = openStore(context, options);
  const minimum = config.stripe.secretsTtlSeconds;
  if (options.rotate && options.grace < minimum) {
    throw new SetupRefusedError(
      `--grace must be at least STRIPE_SECRETS_TTL_SECONDS (${minimum} s), ` +
        'so that every function has read the new secret before the old ' +
        'endpoint is deleted.',
    );
  }
  const stripe = await openStripe(context, config, store);

  const result = await setupWebhookEndpoint({
    stripe,
    store,
    url: options.url,
    shouldRotate: options.rotate ?? false,
    graceSeconds: options.grace,
    now: context.now,
  });

  if (options.json) context.print(JSON.stringify(result, null, 2));
  else printResult(context, result, store.description);
}

function printResult(
  context: CliContext,
  result: WebhookSetupResult,
  where: string,
): void {
  const mode = result.livemode ? 'live' : 'test';
  context.print(`endpoint ${result.endpointId} ${result.action} (${mode})`);
  context.print(`events: ${result.enabledEvents.join(', ')}`);
  if (result.action === 'created' || result.action === 'rotated') {
    context.print(`signing secret stored in ${where}`);
  }
  for (const id of result.deletedEndpointIds) {
    context.print(`deleted ${id}: its rotation grace is over`);
  }
  for (const retiring of result.retiring) {
    context.print(
      `${retiring.id} still delivers until ${retiring.retireAfter}; ` +
        'run setup webhook again after that to delete it',
    );
  }
}
