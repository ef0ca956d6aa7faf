import type Stripe from 'stripe';

import { fixtureTemplate } from '../fixtures/stripe-fixtures.js';
import { makeId } from '../ids.js';
import { ID_FIRST } from './id-first.js';

/** What a new webhook endpoint is made of. */
export interface WebhookEndpointInput {
  readonly created: number;
  readonly url: string;
  readonly enabledEvents: readonly string[];
  readonly description?: string | null | undefined;
  readonly metadata?: Record<string, string> | undefined;
  readonly apiVersion?: string | null | undefined;
}

/** Builds a webhook endpoint; its signing secret is kept apart. */
export function buildWebhookEndpoint(
  input: WebhookEndpointInput,
): Stripe.WebhookEndpoint {
  const template = fixtureTemplate(
    'webhook_endpoint',
  ) as unknown as Stripe.WebhookEndpoint;
  return {
    ...ID_FIRST,
    ...template,
    id: makeId('we', 24),
    object: 'webhook_endpoint',
    api_version: input.apiVersion ?? null,
    application: null,
    created: input.created,
    description: input.description ?? null,
    enabled_events: [...input.enabledEvents],
    livemode: false,
    metadata: { ...input.metadata },
    status: 'enabled',
    url: input.url,
  };
}
