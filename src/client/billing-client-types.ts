/**
 * The shapes the billing API answers with, for frontends. Kept free of
 * imports so the client bundles for browsers with nothing else.
 */

/** A billing interval of a plan. */
export type BillingInterval = 'month' | 'year';

/** One price of a plan. Amounts are in the currency's smallest unit. */
export interface PlanPrice {
  readonly interval: BillingInterval;
  readonly amount: number;
  readonly currency: string;
}

/** A plan on offer. */
export interface PublicPlan {
  readonly key: string;
  readonly name: string;
  /** Free trial days for new subscribers; null when none. */
  readonly trialDays: number | null;
  readonly prices: readonly PlanPrice[];
  readonly entitlements: readonly string[];
}

/** `GET /api/billing/config`. */
export interface BillingConfig {
  /** For Stripe.js, when the page uses it. */
  readonly publishableKey: string;
  readonly plans: readonly PublicPlan[];
}

/** What a checkout asks for; prices and URLs are chosen by the server. */
export interface CheckoutRequest {
  readonly plan: string;
  readonly interval: BillingInterval;
  /** Seats or units, 1 to 100; default 1. */
  readonly quantity?: number;
}

/** A created checkout or portal session: send the browser to `url`. */
export interface CheckoutSession {
  readonly id: string;
  readonly url: string;
}

/** `GET /api/billing/subscription`. Dates are ISO 8601. */
export interface SubscriptionState {
  /** Stripe's subscription status, or `none`. */
  readonly status: string;
  readonly plan: string | null;
  readonly priceId: string | null;
  readonly interval: BillingInterval | null;
  readonly quantity: number;
  readonly currentPeriodEnd: string | null;
  readonly cancelAtPeriodEnd: boolean;
  readonly trialEnd: string | null;
  /** What the user may do now; empty without access. */
  readonly entitlements: readonly string[];
  /** Whether to unlock the product. */
  readonly hasAccess: boolean;
}

/** One invoice. Amounts in the currency's smallest unit; dates ISO 8601. */
export interface Invoice {
  readonly id: string;
  readonly number: string | null;
  readonly amountDue: number;
  readonly amountPaid: number;
  readonly currency: string;
  readonly status: string | null;
  readonly created: string;
  readonly hostedInvoiceUrl: string | null;
}
