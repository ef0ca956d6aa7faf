import type { Command } from 'commander';

import { SetupRefusedError } from '../../golive/errors.js';
import { type SyncedPrice, syncPlans } from '../../golive/sync-plans.js';
import { writePriceIds } from '../../golive/write-price-ids.js';
import type { CliContext } from '../cli-context.js';
import {
  envFileOption,
  openStore,
  openStripe,
  type StoreOptions,
  storeOption,
} from './setup-options.js';

interface SetupPlansOptions extends StoreOptions {
  readonly write?: boolean;
  readonly json?: boolean;
}

/** Registers `billing setup plans` under `setup`. */
export function registerSetupPlans(setup: Command, context: CliContext) {
  setup
    .command('plans')
    .description(
      'Create or update the configured plans as Stripe products and prices ' +
        '(found by lookup key <plan>_<interval>); a changed amount makes a ' +
        'new price and retires the old one. Prints the price IDs.',
    )
    .addOption(storeOption())
    .addOption(envFileOption())
    .option(
      '--write',
      'write the resulting price IDs into BILLING_CONFIG_FILE (only the ' +
        'ids change)',
    )
    .option('--json', 'print the result as JSON')
    .action((options: SetupPlansOptions) => runSetupPlans(context, options));
}

async function runSetupPlans(
  context: CliContext,
  options: SetupPlansOptions,
): Promise<void> {
  const file = context.io.env.BILLING_CONFIG_FILE;
  if (options.write && !file) {
    throw new SetupRefusedError(
      '--write needs BILLING_CONFIG_FILE: the configuration is inline ' +
        '(BILLING_CONFIG), so copy the printed IDs into it by hand.',
    );
  }
  const { config, store } = openStore(context, options);
  const stripe = await openStripe(context, config, store);

  const prices = await syncPlans(stripe, config.plans);

  if (options.json) context.print(JSON.stringify(prices, null, 2));
  else for (const price of prices) context.print(formatPrice(price));
  if (options.write && file) {
    const changed = await writePriceIds(file, prices);
    context.note(`${changed} price IDs written to ${file}`);
  } else if (prices.some((price) => isConfiguredElsewhere(config, price))) {
    context.note(
      'The configuration names other price IDs: run again with --write, ' +
        'or copy the IDs above into it, then redeploy.',
    );
  }
}

function formatPrice(price: SyncedPrice): string {
  const retired =
    price.retiredPriceIds.length > 0
      ? ` (retired ${price.retiredPriceIds.join(', ')})`
      : '';
  return (
    `${price.planKey} ${price.interval}: ${price.priceId} ` +
    `${price.action}${retired}`
  );
}

function isConfiguredElsewhere(
  config: ReturnType<typeof openStore>['config'],
  price: SyncedPrice,
): boolean {
  const plan = config.plans.find((item) => item.key === price.planKey);
  return plan?.prices[price.interval]?.id !== price.priceId;
}
