import Stripe from 'stripe';

/** The smallest useful webhook: API Gateway's event in, SDK verification. */
interface GatewayEvent {
  readonly body?: string;
  readonly headers?: Record<string, string | undefined>;
}

/**
 * The baseline of the cold-start measurement: a Lambda handler that only
 * verifies the signature with the official SDK and answers 200, bundled
 * the same way as the product's webhook handler.
 */
export async function handler(event: GatewayEvent) {
  const secret = process.env.STRIPE_WEBHOOK_SECRET ?? '';
  const verified = Stripe.webhooks.constructEvent(
    event.body ?? '',
    event.headers?.['stripe-signature'] ?? '',
    secret,
  );
  return { statusCode: 200, body: JSON.stringify({ received: verified.id }) };
}
