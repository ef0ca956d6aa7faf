import { createHmac } from 'node:crypto';

/**
 * The `Stripe-Signature` header Stripe sends with a webhook:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>">` keyed with the
 * endpoint's `whsec_` secret. The sandbox plays Stripe here, so it signs;
 * receivers verify with the SDK's `stripe.webhooks.constructEvent`.
 */
export function signPayload(
  payload: string,
  secret: string,
  timestamp: number,
): string {
  const signature = createHmac('sha256', secret)
    .update(`${timestamp}.${payload}`, 'utf8')
    .digest('hex');
  return `t=${timestamp},v1=${signature}`;
}
