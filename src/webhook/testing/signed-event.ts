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

/** What the webhook answered to one delivery. */
export interface Delivery {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly retryAfter: string | null;
}

/** Something that answers requests like a Hono app. */
interface RequestHandler {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** Posts a raw body to `/webhook` with a `Stripe-Signature` header. */
export async function postToWebhook(
  app: RequestHandler,
  payload: string,
  header: string,
): Promise<Delivery> {
  const response = await app.request('/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    retryAfter: response.headers.get('retry-after'),
  };
}
