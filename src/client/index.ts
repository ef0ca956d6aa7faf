export {
  BillingApiError,
  BillingClient,
  type BillingClientOptions,
  type FetchLike,
} from './billing-client.js';
export type {
  BillingConfig,
  BillingInterval,
  CheckoutRequest,
  CheckoutSession,
  Invoice,
  PlanPrice,
  PublicPlan,
  SubscriptionState,
} from './billing-client-types.js';
