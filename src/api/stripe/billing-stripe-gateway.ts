/** What a new Stripe customer is created with. */
export interface CreateCustomerParams {
  /** The app's user; stored as the customer's `metadata.userId`. */
  readonly userId: string;
  /** Email from the user's token, when it has one. */
  readonly email?: string | undefined;
}

/** A subscription-mode checkout session to create. */
export interface CreateCheckoutSessionParams {
  readonly customerId: string;
  readonly userId: string;
  /** A configured Stripe price ID; never one the client sent. */
  readonly priceId: string;
  readonly quantity: number;
  /** Free trial days of the plan; none when absent. */
  readonly trialDays?: number | undefined;
  readonly successUrl: string;
  readonly cancelUrl: string;
  readonly allowPromotionCodes: boolean;
  readonly automaticTax: boolean;
}

/** A created checkout session. */
export interface CheckoutSessionSummary {
  /** `cs_...` */
  readonly id: string;
  /** Where to send the browser. */
  readonly url: string;
}

/** One invoice, as listed to its customer. */
export interface InvoiceSummary {
  /** `in_...` */
  readonly id: string;
  /** The invoice number shown to the customer; null for drafts. */
  readonly number: string | null;
  /** Amount due, in the currency's smallest unit. */
  readonly amountDue: number;
  /** Amount paid, in the currency's smallest unit. */
  readonly amountPaid: number;
  readonly currency: string;
  /** Stripe's invoice status: draft, open, paid, uncollectible or void. */
  readonly status: string | null;
  /** ISO 8601 creation time. */
  readonly created: string;
  /** Stripe's hosted page of the invoice; null for drafts. */
  readonly hostedInvoiceUrl: string | null;
}

/**
 * The Stripe calls the billing API makes. Implemented with the official SDK
 * by `StripeSdkGateway`; tests use an in-memory stand-in that records calls.
 * Every method throws `StripeUnavailableError` or `StripeRequestError`
 * (from `src/stripe/errors.ts`) when Stripe fails.
 */
export interface BillingStripeGateway {
  /**
   * Creates a customer. The same `idempotencyKey` always yields the same
   * customer (Stripe keeps idempotency keys for at least 24 hours).
   */
  createCustomer(
    params: CreateCustomerParams,
    idempotencyKey: string,
  ): Promise<{ readonly customerId: string }>;

  createCheckoutSession(
    params: CreateCheckoutSessionParams,
  ): Promise<CheckoutSessionSummary>;

  /** Ids of a customer's checkout sessions still open, every page. */
  listOpenCheckoutSessions(params: {
    readonly customerId: string;
  }): Promise<string[]>;

  /**
   * Expires an open checkout session, so it can no longer be completed.
   * Throws `StripeRequestError` when it is no longer open.
   */
  expireCheckoutSession(sessionId: string): Promise<void>;

  /** Creates a billing portal session; returns its URL. */
  createPortalSession(params: {
    readonly customerId: string;
    readonly returnUrl: string;
  }): Promise<{ readonly url: string }>;

  /** Lists a customer's newest invoices, newest first. */
  listInvoices(params: {
    readonly customerId: string;
    readonly limit: number;
  }): Promise<InvoiceSummary[]>;
}
