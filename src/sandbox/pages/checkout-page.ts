import type Stripe from 'stripe';

import type { SandboxContext } from '../sandbox-context.js';
import { escapeHtml, formatMoney, renderPage } from './html.js';

/** Renders the hosted checkout page of an open session. */
export function renderCheckoutPage(
  context: SandboxContext,
  session: Stripe.Checkout.Session,
  error?: string,
): string {
  if (session.status !== 'open') {
    return renderPage(
      'Checkout',
      `<h1>Checkout</h1><p>This checkout session is ${escapeHtml(session.status ?? 'closed')}.</p>`,
    );
  }
  const plan = context.state.checkoutPlans.get(session.id);
  const lines = (plan?.lineItems ?? []).map((line) => {
    const price = context.state.prices.get(line.price);
    const product = context.state.products.get(price?.product as string);
    const interval = price?.recurring?.interval ?? 'once';
    const amount = formatMoney(
      price?.unit_amount ?? 0,
      price?.currency ?? 'usd',
    );
    return `<li><strong>${escapeHtml(product?.name ?? 'Plan')}</strong>: ${amount} / ${escapeHtml(interval)}</li>`;
  });
  const trial = plan?.trialPeriodDays
    ? `<p>Includes a ${plan.trialPeriodDays}-day free trial.</p>`
    : '';
  const emailField =
    session.customer || session.customer_email
      ? ''
      : `<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email">`;
  const cancel = session.cancel_url
    ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>`
    : '';
  const alert = error
    ? `<p class="error" role="alert">${escapeHtml(error)}</p>`
    : '';
  return renderPage(
    'Subscribe',
    `<h1>Subscribe</h1><ul aria-label="Plan">${lines.join('')}</ul>${trial}${alert}
<form method="post" action="/checkout/${escapeHtml(session.id)}" aria-label="Payment">
${emailField}
<label for="card-number">Card number</label>
<input id="card-number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
<button type="submit">Subscribe</button>
</form>${cancel}`,
  );
}

/**
 * The success URL with `{CHECKOUT_SESSION_ID}` replaced by the session id,
 * or null when the session has none (a confirmation page is shown).
 */
export function successRedirect(
  session: Stripe.Checkout.Session,
): string | null {
  return session.success_url
    ? session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id)
    : null;
}
