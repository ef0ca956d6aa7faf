import Stripe from 'stripe';

import { BILLING_INTERVALS, type Plan } from '../../domain/plan.js';
import { translateStripeError } from '../../stripe/make-stripe-client.js';
import { type CheckResult, fail, pass } from './check-result.js';

/** A configured price, with where it sits in the configuration. */
interface ConfiguredPrice {
  readonly setting: string;
  readonly planKey: string;
  readonly interval: string;
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
}

/**
 * Checks each configured price against Stripe: it exists in the mode of
 * the keys, is active, recurring with the configured interval, and has
 * the configured amount and currency.
 */
export async function checkPrices(
  client: Stripe,
  plans: readonly Plan[],
  mode: 'test' | 'live',
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const price of listConfiguredPrices(plans)) {
    results.push(await checkPrice(client, price, mode));
  }
  return results;
}

function listConfiguredPrices(plans: readonly Plan[]): ConfiguredPrice[] {
  return plans.flatMap((plan, index) =>
    BILLING_INTERVALS.flatMap((interval) => {
      const price = plan.prices[interval];
      if (price === undefined) return [];
      return [
        {
          ...price,
          setting: `plans[${index}].prices.${interval}`,
          planKey: plan.key,
          interval,
        },
      ];
    }),
  );
}

async function checkPrice(
  client: Stripe,
  configured: ConfiguredPrice,
  mode: 'test' | 'live',
): Promise<CheckResult> {
  const label =
    `Price ${configured.id} (${configured.planKey}, ${configured.interval}) ` +
    'matches Stripe';
  let price: Stripe.Price;
  try {
    price = await client.prices.retrieve(configured.id);
  } catch (error) {
    const translated = translateStripeError(error, 'retrieving the price');
    const detail = isMissing(error)
      ? `no such price in this ${mode}-mode account`
      : translated instanceof Error
        ? translated.message
        : String(translated);
    return fail(
      label,
      detail,
      `Create the price in Stripe, or fix ${configured.setting}.id.`,
    );
  }
  const problems = findProblems(price, configured, mode);
  if (problems.length === 0) return pass(label);
  return fail(
    label,
    problems.join('; '),
    `Make ${configured.setting} match the price in Stripe, or point it at ` +
      'a price that matches (Stripe prices cannot be edited).',
  );
}

function findProblems(
  price: Stripe.Price,
  configured: ConfiguredPrice,
  mode: 'test' | 'live',
): string[] {
  const problems: string[] = [];
  if (price.livemode !== (mode === 'live')) {
    problems.push(`it is not a ${mode}-mode price`);
  }
  if (!price.active) problems.push('it is archived (inactive)');
  if (price.type !== 'recurring' || price.recurring === null) {
    problems.push('it is not recurring');
  } else if (price.recurring.interval !== configured.interval) {
    problems.push(
      `Stripe bills it every ${price.recurring.interval}, configured ` +
        configured.interval,
    );
  }
  if (price.unit_amount !== configured.amount) {
    problems.push(
      `Stripe amount ${String(price.unit_amount)}, configured ` +
        String(configured.amount),
    );
  }
  if (price.currency !== configured.currency) {
    problems.push(
      `Stripe currency ${price.currency}, configured ${configured.currency}`,
    );
  }
  return problems;
}

function isMissing(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeError && error.statusCode === 404;
}
