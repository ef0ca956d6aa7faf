import type {
  BillingStripeGateway,
  CheckoutSessionSummary,
  CreateCheckoutSessionParams,
  CreateCustomerParams,
  InvoiceSummary,
} from '../stripe/billing-stripe-gateway.js';

/**
 * An in-memory Stripe for tests of the billing API. It records every call
 * and honours idempotency keys the way Stripe does: the same key gives the
 * same customer. `failWith` makes every later call throw that error.
 */
export class RecordingStripeGateway implements BillingStripeGateway {
  readonly customerCalls: {
    params: CreateCustomerParams;
    idempotencyKey: string;
  }[] = [];
  readonly checkoutCalls: CreateCheckoutSessionParams[] = [];
  /** Ids of the checkout sessions expired, in order. */
  readonly expireCalls: string[] = [];
  /** Checkout sessions still open: session id to customer id. */
  readonly openSessions = new Map<string, string>();
  readonly portalCalls: { customerId: string; returnUrl: string }[] = [];
  readonly invoiceCalls: { customerId: string; limit: number }[] = [];
  /** Invoices by customer id, as `listInvoices` returns them. */
  readonly invoices = new Map<string, InvoiceSummary[]>();
  failWith: Error | undefined;

  readonly #customersByKey = new Map<string, string>();

  async createCustomer(
    params: CreateCustomerParams,
    idempotencyKey: string,
  ): Promise<{ customerId: string }> {
    this.#failIfAsked();
    this.customerCalls.push({ params, idempotencyKey });
    const known = this.#customersByKey.get(idempotencyKey);
    const customerId = known ?? `cus_test${this.#customersByKey.size + 1}`;
    this.#customersByKey.set(idempotencyKey, customerId);
    return { customerId };
  }

  async createCheckoutSession(
    params: CreateCheckoutSessionParams,
  ): Promise<CheckoutSessionSummary> {
    this.#failIfAsked();
    this.checkoutCalls.push(params);
    const id = `cs_test_${this.checkoutCalls.length}`;
    this.openSessions.set(id, params.customerId);
    return { id, url: `https://checkout.stripe.test/c/pay/${id}` };
  }

  async listOpenCheckoutSessions(params: {
    customerId: string;
  }): Promise<string[]> {
    this.#failIfAsked();
    return [...this.openSessions]
      .filter(([, customerId]) => customerId === params.customerId)
      .map(([id]) => id);
  }

  async expireCheckoutSession(sessionId: string): Promise<void> {
    this.#failIfAsked();
    this.expireCalls.push(sessionId);
    this.openSessions.delete(sessionId);
  }

  async createPortalSession(params: {
    customerId: string;
    returnUrl: string;
  }): Promise<{ url: string }> {
    this.#failIfAsked();
    this.portalCalls.push(params);
    return {
      url: `https://billing.stripe.test/p/session/${params.customerId}`,
    };
  }

  async listInvoices(params: {
    customerId: string;
    limit: number;
  }): Promise<InvoiceSummary[]> {
    this.#failIfAsked();
    this.invoiceCalls.push(params);
    return this.invoices.get(params.customerId) ?? [];
  }

  #failIfAsked() {
    if (this.failWith) throw this.failWith;
  }
}
