import type { Hono } from 'hono';
import Stripe from 'stripe';

/** An event as Stripe posts it: the raw JSON and its signature header. */
export interface SignedDelivery {
  readonly eventId: string;
  readonly type: string;
  readonly payload: string;
  readonly header: string;
}

/**
 * Signs an event as Stripe does (pretty-printed JSON, `t=...,v1=...`) with
 * the SDK's test helper; `timestamp` in seconds, now by default.
 */
export function signEvent(
  event: Stripe.Event,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): SignedDelivery {
  const payload = JSON.stringify(event, null, 2);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp,
  });
  return { eventId: event.id, type: event.type, payload, header };
}

/** Posts a signed delivery to the app in-process; answers the status. */
export async function deliverInProcess(
  app: Hono,
  delivery: SignedDelivery,
): Promise<number> {
  const response = await app.request('/webhook', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': delivery.header,
    },
    body: delivery.payload,
  });
  await response.arrayBuffer();
  return response.status;
}
