import type Stripe from 'stripe';

import type { StripeApiBase } from '../../config/app-config.js';
import type { StripeSecretsSource } from '../../config/stripe-secrets.js';
import { StripeRequestError } from '../../stripe/errors.js';
import {
  makeStripeClient,
  translateStripeError,
} from '../../stripe/make-stripe-client.js';
import type {
  BillingStripeGateway,
  CheckoutSessionSummary,
  CreateCheckoutSessionParams,
  CreateCustomerParams,
  InvoiceSummary,
} from './billing-stripe-gateway.js';

/** Options of {@link StripeSdkGateway}. */
export interface StripeSdkGatewayOptions {
  readonly secrets: StripeSecretsSource;
  /** API base override (the offline sandbox); real Stripe when absent. */
  readonly apiBase?: StripeApiBase | undefined;
  /** SDK retries on network errors and 409/429/5xx; default 2. */
  readonly maxNetworkRetries?: number;
}

/**
 * The billing API's Stripe calls through the official SDK. The client is
 * made on first use, once the secret key is known, and kept while the key
 * stays the same (a rotated key gets a new client).
 */
export class StripeSdkGateway implements BillingStripeGateway {
  readonly #options: StripeSdkGatewayOptions;
  #client: { readonly key: string; readonly stripe: Stripe } | undefined;

  constructor(options: StripeSdkGatewayOptions) {
    this.#options = options;
  }

  async createCustomer(
    params: CreateCustomerParams,
    idempotencyKey: string,
  ): Promise<{ customerId: string }> {
    const stripe = await this.#stripe();
    const customer = await call('creating a customer', () =>
      stripe.customers.create(
        {
          ...(params.email ? { email: params.email } : {}),
          metadata: { userId: params.userId },
        },
        { idempotencyKey },
      ),
    );
    return { customerId: customer.id };
  }

  async createCheckoutSession(
    params: CreateCheckoutSessionParams,
  ): Promise<CheckoutSessionSummary> {
    const stripe = await this.#stripe();
    const session = await call('creating a checkout session', () =>
      stripe.checkout.sessions.create(toCheckoutParams(params)),
    );
    if (session.url === null) {
      throw new StripeRequestError('creating a checkout session (no URL)');
    }
    return { id: session.id, url: session.url };
  }

  async listOpenCheckoutSessions(params: {
    customerId: string;
  }): Promise<string[]> {
    const stripe = await this.#stripe();
    return call('listing open checkout sessions', async () => {
      const ids: string[] = [];
      const sessions = stripe.checkout.sessions.list({
        customer: params.customerId,
        status: 'open',
        limit: 100,
      });
      for await (const session of sessions) ids.push(session.id);
      return ids;
    });
  }

  async expireCheckoutSession(sessionId: string): Promise<void> {
    const stripe = await this.#stripe();
    await call('expiring a checkout session', () =>
      stripe.checkout.sessions.expire(sessionId),
    );
  }

  async createPortalSession(params: {
    customerId: string;
    returnUrl: string;
  }): Promise<{ url: string }> {
    const stripe = await this.#stripe();
    const session = await call('creating a portal session', () =>
      stripe.billingPortal.sessions.create({
        customer: params.customerId,
        return_url: params.returnUrl,
      }),
    );
    return { url: session.url };
  }

  async listInvoices(params: {
    customerId: string;
    limit: number;
  }): Promise<InvoiceSummary[]> {
    const stripe = await this.#stripe();
    const page = await call('listing invoices', () =>
      stripe.invoices.list({
        customer: params.customerId,
        limit: params.limit,
      }),
    );
    return page.data.map(toInvoiceSummary);
  }

  async #stripe(): Promise<Stripe> {
    const { secretKey } = await this.#options.secrets.getSecrets();
    if (this.#client?.key !== secretKey) {
      const stripe = makeStripeClient({
        secretKey,
        apiBase: this.#options.apiBase,
        ...(this.#options.maxNetworkRetries === undefined
          ? {}
          : { maxNetworkRetries: this.#options.maxNetworkRetries }),
      });
      this.#client = { key: secretKey, stripe };
    }
    return this.#client.stripe;
  }
}

async function call<T>(operation: string, request: () => Promise<T>) {
  try {
    return await request();
  } catch (error) {
    throw translateStripeError(error, operation);
  }
}

function toCheckoutParams(
  params: CreateCheckoutSessionParams,
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'subscription',
    customer: params.customerId,
    client_reference_id: params.userId,
    metadata: { userId: params.userId },
    line_items: [{ price: params.priceId, quantity: params.quantity }],
    subscription_data: {
      metadata: { userId: params.userId },
      ...(params.trialDays ? { trial_period_days: params.trialDays } : {}),
    },
    allow_promotion_codes: params.allowPromotionCodes,
    automatic_tax: { enabled: params.automaticTax },
    // Automatic tax needs the customer's address, collected at checkout.
    ...(params.automaticTax ? { customer_update: { address: 'auto' } } : {}),
    success_url: params.successUrl,
    cancel_url: params.cancelUrl,
  };
}

function toInvoiceSummary(invoice: Stripe.Invoice): InvoiceSummary {
  return {
    id: invoice.id ?? '',
    number: invoice.number ?? null,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    currency: invoice.currency,
    status: invoice.status ?? null,
    created: new Date(invoice.created * 1000).toISOString(),
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
  };
}
