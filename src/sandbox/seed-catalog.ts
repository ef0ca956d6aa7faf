import { buildPrice, type PriceInterval } from './objects/build-price.js';
import { buildProduct } from './objects/build-product.js';
import type { SandboxContext } from './sandbox-context.js';

/** One price of a plan, with the id the product's configuration expects. */
export interface SeedPrice {
  readonly id: string;
  /** Amount in cents. */
  readonly amount: number;
  readonly currency: string;
}

/** A plan to seed: a product and its monthly and/or yearly prices. */
export interface SeedPlan {
  /** Short plan key, e.g. `pro`; lookup keys are `<key>_<interval>`. */
  readonly key: string;
  readonly name: string;
  readonly prices: { readonly month?: SeedPrice; readonly year?: SeedPrice };
}

/**
 * Creates the products and prices of a catalog with the given price ids,
 * skipping those that exist already, so seeding twice changes nothing.
 */
export function seedCatalog(
  context: SandboxContext,
  plans: readonly SeedPlan[],
): void {
  const state = context.state;
  const now = context.now();
  for (const plan of plans) {
    const productId = `prod_${plan.key}`;
    if (!state.products.has(productId)) {
      state.products.add(
        buildProduct({
          id: productId,
          created: now,
          name: plan.name,
          metadata: { plan: plan.key },
        }),
      );
    }
    const intervals = Object.entries(plan.prices) as [
      PriceInterval,
      SeedPrice,
    ][];
    for (const [interval, price] of intervals) {
      if (state.prices.has(price.id)) continue;
      const lookupKey = `${plan.key}_${interval}`;
      state.addPrice(
        buildPrice({
          id: price.id,
          created: now,
          product: productId,
          unitAmount: price.amount,
          currency: price.currency,
          recurring: { interval, intervalCount: 1 },
          lookupKey: state.priceByLookupKey.has(lookupKey) ? null : lookupKey,
          metadata: { plan: plan.key },
        }),
      );
    }
  }
  context.markChanged();
}
