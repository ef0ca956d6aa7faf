import type Stripe from 'stripe';

import { copyFixture } from '../fixtures/stripe-fixtures.js';
import { makeId } from '../ids.js';

/** The API version the sandbox speaks, the one stripe 23.x pins. */
export const SANDBOX_API_VERSION = '2026-11-18.endive';

/** What a new event is made of. */
export interface EventInput {
  readonly type: string;
  readonly created: number;
  /** Snapshot of the object at the moment of the change. */
  readonly object: object;
  readonly previousAttributes?: Record<string, unknown> | undefined;
  readonly pendingWebhooks: number;
  readonly requestId: string | null;
  readonly idempotencyKey: string | null;
}

/** Builds an event around a snapshot of the object that changed. */
export function buildEvent(input: EventInput): Stripe.Event {
  const template = copyFixture('event');
  const data: Record<string, unknown> = { object: input.object };
  if (input.previousAttributes) {
    data.previous_attributes = input.previousAttributes;
  }
  return {
    ...template,
    id: makeId('evt', 24),
    object: 'event',
    api_version: SANDBOX_API_VERSION,
    created: input.created,
    data,
    livemode: false,
    pending_webhooks: input.pendingWebhooks,
    request: { id: input.requestId, idempotency_key: input.idempotencyKey },
    type: input.type,
  } as unknown as Stripe.Event;
}
