import Stripe from 'stripe';

import { StripeRequestError } from '../stripe/errors.js';
import { translateStripeError } from '../stripe/make-stripe-client.js';

/**
 * Metadata key on an endpoint being rotated out: the ISO 8601 time after
 * which `setup webhook` deletes it.
 */
export const RETIRE_AFTER_METADATA = 'retire_after';

/** Metadata key marking the endpoints the setup command made. */
export const MANAGED_BY_METADATA = 'managed_by';

/** Value of {@link MANAGED_BY_METADATA}. */
export const MANAGED_BY = 'stripe-billing-backend';

/** A new endpoint and the signing secret Stripe shows only once. */
export interface CreatedEndpoint {
  readonly endpoint: Stripe.WebhookEndpoint;
  readonly secret: string;
}

/**
 * The Stripe calls of `setup webhook`, each translated at the edge into
 * `StripeUnavailableError` or `StripeRequestError`.
 */
export class WebhookEndpoints {
  readonly #stripe: Stripe;

  constructor(stripe: Stripe) {
    this.#stripe = stripe;
  }

  /** Every endpoint whose URL is exactly `url`, oldest first. */
  async listAt(url: string): Promise<Stripe.WebhookEndpoint[]> {
    const all = await call('list webhook endpoints', () =>
      this.#stripe.webhookEndpoints
        .list({ limit: 100 })
        .autoPagingToArray({ limit: 10_000 }),
    );
    return all
      .filter((endpoint) => endpoint.url === url)
      .sort((a, b) => a.created - b.created);
  }

  /**
   * Creates an endpoint for the events, pinned to the API version of the
   * SDK so that payloads have the shape the webhook reads.
   */
  async create(url: string, events: readonly string[]) {
    const endpoint = await call('create a webhook endpoint', () =>
      this.#stripe.webhookEndpoints.create({
        url,
        enabled_events: [
          ...events,
        ] as Stripe.WebhookEndpointCreateParams['enabled_events'],
        api_version: Stripe.API_VERSION,
        description: 'Subscription billing webhook',
        metadata: { [MANAGED_BY_METADATA]: MANAGED_BY },
      }),
    );
    if (!endpoint.secret) {
      throw new StripeRequestError('a webhook endpoint without a secret');
    }
    return { endpoint, secret: endpoint.secret } satisfies CreatedEndpoint;
  }

  /** Subscribes an endpoint to exactly the events and enables it. */
  async subscribe(id: string, events: readonly string[]): Promise<void> {
    await call('update a webhook endpoint', () =>
      this.#stripe.webhookEndpoints.update(id, {
        enabled_events: [
          ...events,
        ] as Stripe.WebhookEndpointUpdateParams['enabled_events'],
        disabled: false,
      }),
    );
  }

  /** Marks an endpoint for deletion once `retireAfter` (ISO 8601) passed. */
  async markRetiring(id: string, retireAfter: string): Promise<void> {
    await call('mark a webhook endpoint for deletion', () =>
      this.#stripe.webhookEndpoints.update(id, {
        metadata: { [RETIRE_AFTER_METADATA]: retireAfter },
      }),
    );
  }

  async delete(id: string): Promise<void> {
    await call('delete a webhook endpoint', () =>
      this.#stripe.webhookEndpoints.del(id),
    );
  }
}

async function call<T>(operation: string, action: () => Promise<T>) {
  try {
    return await action();
  } catch (error) {
    throw translateStripeError(error, `setup webhook: ${operation}`);
  }
}
