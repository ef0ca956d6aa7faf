import type Stripe from 'stripe';

import type { SandboxContext } from '../sandbox-context.js';
import { escapeHtml, formatMoney, renderPage } from './html.js';

const LIVE: ReadonlySet<string> = new Set([
  'active',
  'trialing',
  'past_due',
  'unpaid',
  'incomplete',
]);

/** Renders the hosted billing portal of a customer. */
export function renderPortalPage(
  context: SandboxContext,
  session: Stripe.BillingPortal.Session,
): string {
  const state = context.state;
  const subscriptions = state.subscriptionsByCustomer
    .get(session.customer as string)
    .map((id) => state.subscriptions.get(id))
    .filter((s): s is Stripe.Subscription => !!s && LIVE.has(s.status));
  const sections = subscriptions.map((s) =>
    renderSubscription(context, session.id, s),
  );
  const back = session.return_url
    ? `<p><a href="${escapeHtml(session.return_url)}">Return to the app</a></p>`
    : '';
  const body =
    sections.length > 0 ? sections.join('') : '<p>No active subscription.</p>';
  return renderPage('Billing portal', `<h1>Billing portal</h1>${body}${back}`);
}

function renderSubscription(
  context: SandboxContext,
  sessionId: string,
  subscription: Stripe.Subscription,
): string {
  const item = subscription.items.data[0];
  const product = context.state.products.get(item?.price.product as string);
  const action = `/portal/${escapeHtml(sessionId)}`;
  const id = escapeHtml(subscription.id);
  const periodEnd = new Date(
    (item?.current_period_end ?? 0) * 1000,
  ).toISOString();
  const toggle = subscription.cancel_at_period_end
    ? `<form method="post" action="${action}/resume"><input type="hidden" name="subscription" value="${id}"><button type="submit">Resume subscription</button></form>`
    : `<form method="post" action="${action}/cancel"><input type="hidden" name="subscription" value="${id}"><button type="submit">Cancel at period end</button></form>`;
  return `<section aria-label="Subscription ${id}">
<h2>${escapeHtml(product?.name ?? 'Subscription')}</h2>
<p>Status: ${escapeHtml(subscription.status)}. ${subscription.cancel_at_period_end ? 'Ends' : 'Renews'} on ${periodEnd.slice(0, 10)}.</p>
${toggle}${renderSwitch(context, action, subscription)}
</section>`;
}

function renderSwitch(
  context: SandboxContext,
  action: string,
  subscription: Stripe.Subscription,
): string {
  const current = subscription.items.data[0]?.price.id;
  const options = [...context.state.prices.values()]
    .filter((price) => price.active && price.recurring && price.id !== current)
    .map((price) => {
      const product = context.state.products.get(price.product as string);
      const label = `${product?.name ?? price.id}: ${formatMoney(price.unit_amount, price.currency)} / ${price.recurring?.interval}`;
      return `<option value="${escapeHtml(price.id)}">${escapeHtml(label)}</option>`;
    });
  if (options.length === 0) return '';
  const selectId = `price-${escapeHtml(subscription.id)}`;
  return `<form method="post" action="${action}/switch">
<input type="hidden" name="subscription" value="${escapeHtml(subscription.id)}">
<label for="${selectId}">New plan</label>
<select id="${selectId}" name="price">${options.join('')}</select>
<button type="submit">Switch plan</button>
</form>`;
}
