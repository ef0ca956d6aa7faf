import Stripe from 'stripe';

/** What a test event is made of. */
export interface TestEventInput {
  readonly id: string;
  readonly type: string;
  /** Seconds since the epoch. */
  readonly created: number;
  readonly object: unknown;
  readonly livemode?: boolean;
}

/** Wraps an object in an event envelope shaped as Stripe sends it. */
export function makeEvent(input: TestEventInput): Record<string, unknown> {
  return {
    id: input.id,
    object: 'event',
    api_version: '2026-11-18.endive',
    created: input.created,
    data: { object: input.object },
    livemode: input.livemode ?? false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: input.type,
  };
}

/** Signs a payload with the SDK's test helper; `timestamp` in seconds. */
export function signPayload(
  payload: string,
  secret: string,
  timestamp: number,
): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp,
  });
}
