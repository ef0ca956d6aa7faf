import type Stripe from 'stripe';
import type { Plan, PlanPrice } from '../domain/plan.js';
import { BILLING_INTERVALS, type BillingInterval } from '../domain/plan.js';
import { translateStripeError } from '../stripe/make-stripe-client.js';

/** Metadata key tying a product or price to a plan of the configuration. */
export const PLAN_KEY_METADATA = 'plan_key';

/** Metadata key naming the interval a price bills. */
export const INTERVAL_METADATA = 'interval';

/** What `setup plans` did for one plan and interval. */
export const PRICE_ACTIONS = {
  /** No price had the lookup key: one was made. */
  created: 'created',
  /** The price with the lookup key already matched the configuration. */
  kept: 'kept',
  /** The amount or currency changed: a new price took the lookup key. */
  replaced: 'replaced',
} as const;

/** One of {@link PRICE_ACTIONS}. */
export type PriceAction = (typeof PRICE_ACTIONS)[keyof typeof PRICE_ACTIONS];

/** The Stripe price of one plan and interval after a sync. */
export interface SyncedPrice {
  readonly planKey: string;
  readonly interval: BillingInterval;
  readonly lookupKey: string;
  readonly productId: string;
  /** The price to sell from now on. */
  readonly priceId: string;
  readonly action: PriceAction;
  /** Prices of this plan and interval set `active=false` by this run. */
  readonly retiredPriceIds: readonly string[];
}

/** The lookup key of a plan's price: `<planKey>_<interval>`. */
export function lookupKeyOf(planKey: string, interval: BillingInterval) {
  return `${planKey}_${interval}`;
}

/**
 * Makes Stripe's catalogue match the configured plans, safe to run again.
 *
 * Each plan has one product, found by the metadata `plan_key` (renamed or
 * reactivated when needed), and one recurring price per interval, found by
 * its lookup key `<planKey>_<interval>`. Stripe prices cannot change, so a
 * new amount or currency makes a new price that takes the lookup key over
 * (`transfer_lookup_key`); every other active price of that plan and
 * interval is then set `active=false`, which also finishes a run that
 * stopped half-way.
 */
export async function syncPlans(
  stripe: Stripe,
  plans: readonly Plan[],
): Promise<SyncedPrice[]> {
  const products = await listAll('list products', () =>
    stripe.products.list({ limit: 100 }),
  );
  const results: SyncedPrice[] = [];
  for (const plan of plans) {
    const productId = await ensureProduct(stripe, plan, products);
    for (const interval of BILLING_INTERVALS) {
      const price = plan.prices[interval];
      if (price === undefined) continue;
      results.push(
        await ensurePrice(stripe, { plan, interval, price, productId }),
      );
    }
  }
  return results;
}

async function ensureProduct(
  stripe: Stripe,
  plan: Plan,
  products: readonly Stripe.Product[],
): Promise<string> {
  const found = products
    .filter((product) => product.metadata[PLAN_KEY_METADATA] === plan.key)
    .sort((a, b) => Number(b.active) - Number(a.active))[0];
  if (found === undefined) {
    const created = await call('create the product', () =>
      stripe.products.create({
        name: plan.name,
        metadata: { [PLAN_KEY_METADATA]: plan.key },
      }),
    );
    return created.id;
  }
  if (found.name !== plan.name || !found.active) {
    await call('update the product', () =>
      stripe.products.update(found.id, { name: plan.name, active: true }),
    );
  }
  return found.id;
}

interface PriceTarget {
  readonly plan: Plan;
  readonly interval: BillingInterval;
  readonly price: PlanPrice;
  readonly productId: string;
}

async function ensurePrice(
  stripe: Stripe,
  target: PriceTarget,
): Promise<SyncedPrice> {
  const lookupKey = lookupKeyOf(target.plan.key, target.interval);
  const listed = await call('list prices', () =>
    stripe.prices.list({ lookup_keys: [lookupKey], limit: 10 }),
  );
  const holder = listed.data.find((price) => price.lookup_key === lookupKey);

  let priceId: string;
  let action: PriceAction;
  if (holder !== undefined && isSamePrice(holder, target)) {
    if (!holder.active) {
      await call('reactivate a price', () =>
        stripe.prices.update(holder.id, { active: true }),
      );
    }
    priceId = holder.id;
    action = PRICE_ACTIONS.kept;
  } else {
    priceId = (await createPrice(stripe, target, lookupKey)).id;
    action = holder ? PRICE_ACTIONS.replaced : PRICE_ACTIONS.created;
  }

  const retired = await retireOthers(stripe, target, priceId);
  const isHolderLeftActive =
    holder?.active && holder.id !== priceId && !retired.includes(holder.id);
  if (holder && isHolderLeftActive) {
    // A holder without this project's metadata is retired all the same.
    await retirePrice(stripe, holder.id);
    retired.push(holder.id);
  }
  return {
    planKey: target.plan.key,
    interval: target.interval,
    lookupKey,
    productId: target.productId,
    priceId,
    action,
    retiredPriceIds: retired,
  };
}

function isSamePrice(price: Stripe.Price, target: PriceTarget): boolean {
  return (
    price.product === target.productId &&
    price.type === 'recurring' &&
    price.unit_amount === target.price.amount &&
    price.currency === target.price.currency &&
    price.recurring?.interval === target.interval &&
    price.recurring.interval_count === 1
  );
}

function createPrice(stripe: Stripe, target: PriceTarget, lookupKey: string) {
  return call('create a price', () =>
    stripe.prices.create({
      product: target.productId,
      unit_amount: target.price.amount,
      currency: target.price.currency,
      recurring: { interval: target.interval },
      lookup_key: lookupKey,
      transfer_lookup_key: true,
      nickname: `${target.plan.name} (${target.interval})`,
      metadata: {
        [PLAN_KEY_METADATA]: target.plan.key,
        [INTERVAL_METADATA]: target.interval,
      },
    }),
  );
}

/** Sets `active=false` on the plan's other active prices for the interval. */
async function retireOthers(
  stripe: Stripe,
  target: PriceTarget,
  keepId: string,
): Promise<string[]> {
  const active = await listAll('list prices', () =>
    stripe.prices.list({ product: target.productId, active: true, limit: 100 }),
  );
  const stale = active.filter(
    (price) =>
      price.id !== keepId &&
      price.metadata[PLAN_KEY_METADATA] === target.plan.key &&
      price.metadata[INTERVAL_METADATA] === target.interval,
  );
  for (const price of stale) await retirePrice(stripe, price.id);
  return stale.map((price) => price.id);
}

function retirePrice(stripe: Stripe, priceId: string) {
  return call('retire a price', () =>
    stripe.prices.update(priceId, { active: false }),
  );
}

function listAll<T>(
  operation: string,
  list: () => Stripe.ApiListPromise<T>,
): Promise<T[]> {
  return call(operation, () => list().autoPagingToArray({ limit: 10_000 }));
}

async function call<T>(operation: string, action: () => Promise<T>) {
  try {
    return await action();
  } catch (error) {
    throw translateStripeError(error, `setup plans: ${operation}`);
  }
}
