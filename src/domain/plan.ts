/** Billing intervals a plan may offer, as Stripe names them. */
export const BILLING_INTERVALS = ['month', 'year'] as const;

/** A billing interval a plan may offer. */
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

/** One recurring price of a plan. */
export interface PlanPrice {
  /** Stripe price ID (`price_...`). */
  readonly id: string;
  /** Amount in the currency's smallest unit (cents for usd). */
  readonly amount: number;
  /** Lowercase ISO currency code, e.g. `usd`. */
  readonly currency: string;
}

/** A plan of the product's catalogue, from the billing configuration. */
export interface Plan {
  /** Stable key the frontend uses, e.g. `pro`. */
  readonly key: string;
  /** Display name, e.g. `Pro`. */
  readonly name: string;
  /** What a subscriber of this plan may do, e.g. `projects:unlimited`. */
  readonly entitlements: readonly string[];
  /** Free trial length in days for new subscribers; none when absent. */
  readonly trialDays?: number | undefined;
  /** Prices by interval; at least one is present. */
  readonly prices: Readonly<Partial<Record<BillingInterval, PlanPrice>>>;
}

/** What a price ID means in the catalogue. */
export interface PriceMatch {
  readonly plan: Plan;
  readonly interval: BillingInterval;
  readonly price: PlanPrice;
}

/** Finds the plan and interval a Stripe price ID belongs to. */
export function findPlanByPriceId(
  plans: readonly Plan[],
  priceId: string,
): PriceMatch | undefined {
  for (const plan of plans) {
    for (const interval of BILLING_INTERVALS) {
      const price = plan.prices[interval];
      if (price?.id === priceId) return { plan, interval, price };
    }
  }
  return undefined;
}

/** Finds a plan by its key. */
export function findPlan(
  plans: readonly Plan[],
  key: string,
): Plan | undefined {
  return plans.find((plan) => plan.key === key);
}
