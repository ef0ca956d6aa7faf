import type Stripe from 'stripe';

import type { SandboxContext } from '../sandbox-context.js';

/**
 * Expires an open checkout session, recording `checkout.session.expired`
 * at `at` (unix seconds). Nothing happens to a session no longer open.
 */
export function expireCheckoutSession(
  context: SandboxContext,
  session: Stripe.Checkout.Session,
  at: number,
): void {
  if (session.status !== 'open') return;
  session.status = 'expired';
  session.url = null;
  context.events.record('checkout.session.expired', session, { created: at });
  context.markChanged();
}

/**
 * Expires a session whose 24 hours have passed. Sessions expire when next
 * looked at, with the event dated at their expiry time.
 */
export function expireIfDue(
  context: SandboxContext,
  session: Stripe.Checkout.Session,
): void {
  if (session.status === 'open' && session.expires_at <= context.now()) {
    expireCheckoutSession(context, session, session.expires_at);
  }
}
