import { completeCheckout } from '../billing/complete-checkout.js';
import { behaviourOfCardNumber } from '../billing/test-cards.js';
import { updateSubscription } from '../billing/update-subscription.js';
import { SandboxApiError } from '../errors.js';
import type { SandboxApp, SandboxRequest } from '../http/sandbox-env.js';
import type { SandboxContext } from '../sandbox-context.js';
import { renderCheckoutPage, successRedirect } from './checkout-page.js';
import { escapeHtml, formatMoney, renderPage } from './html.js';
import { renderPortalPage } from './portal-page.js';

/**
 * Hosted pages, server-rendered: checkout (`/checkout/:id`), the billing
 * portal (`/portal/:id`) and invoices (`/invoices/:id`). As on Stripe, the
 * session id in the URL is the only credential.
 */
export function registerHostedPages(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;

  app.get('/checkout/:id', (c) => {
    const session = state.checkoutSessions.get(c.req.param('id'));
    if (!session) return c.html(notFound('checkout session'), 404);
    return c.html(renderCheckoutPage(context, session));
  });

  app.post('/checkout/:id', async (c) => {
    const session = state.checkoutSessions.get(c.req.param('id'));
    if (!session) return c.html(notFound('checkout session'), 404);
    const form = await c.req.parseBody();
    try {
      completeCheckout(context, session.id, {
        behaviour: behaviourOfCardNumber(String(form.card_number ?? '')),
        email: form.email ? String(form.email) : undefined,
      });
    } catch (error) {
      if (!(error instanceof SandboxApiError)) throw error;
      return c.html(renderCheckoutPage(context, session, error.message), 402);
    }
    const target = successRedirect(session);
    if (target) return c.redirect(target, 303);
    return c.html(
      renderPage(
        'Thank you',
        '<h1>Thank you</h1><p>Your subscription is active.</p>',
      ),
    );
  });

  app.get('/portal/:id', (c) => {
    const session = state.portalSessions.get(c.req.param('id'));
    if (!session) return c.html(notFound('portal session'), 404);
    return c.html(renderPortalPage(context, session));
  });

  app.post('/portal/:id/:action', (c) => portalAction(context, c));

  app.get('/invoices/:id', (c) => {
    const invoice = state.invoices.get(c.req.param('id'));
    if (!invoice) return c.html(notFound('invoice'), 404);
    const lines = invoice.lines.data
      .map(
        (line) =>
          `<li>${escapeHtml(line.description ?? '')}: ${formatMoney(line.amount, line.currency)}</li>`,
      )
      .join('');
    return c.html(
      renderPage(
        `Invoice ${invoice.number ?? invoice.id}`,
        `<h1>Invoice ${escapeHtml(invoice.number ?? invoice.id)}</h1><p>Status: ${escapeHtml(invoice.status ?? 'draft')}</p><ul>${lines}</ul><p>Total: ${formatMoney(invoice.total, invoice.currency)}</p>`,
      ),
    );
  });
}

async function portalAction(context: SandboxContext, c: SandboxRequest) {
  const session = context.state.portalSessions.get(c.req.param('id') ?? '');
  if (!session) return c.html(notFound('portal session'), 404);
  const form = await c.req.parseBody();
  const subscription = context.state.subscriptions.get(
    String(form.subscription ?? ''),
  );
  if (!subscription || subscription.customer !== session.customer) {
    return c.html(notFound('subscription'), 404);
  }
  const action = c.req.param('action');
  try {
    if (action === 'cancel' || action === 'resume') {
      updateSubscription(context, subscription, {
        cancelAtPeriodEnd: action === 'cancel',
      });
    } else if (action === 'switch') {
      const itemId = subscription.items.data[0]?.id;
      updateSubscription(context, subscription, {
        items: [
          { id: itemId, price: String(form.price ?? ''), quantity: undefined },
        ],
      });
    } else {
      return c.html(notFound('portal action'), 404);
    }
  } catch (error) {
    if (!(error instanceof SandboxApiError)) throw error;
    return c.html(
      renderPage(
        'Billing portal',
        `<p class="error" role="alert">${escapeHtml(error.message)}</p>`,
      ),
      400,
    );
  }
  return c.redirect(`/portal/${session.id}`, 303);
}

function notFound(what: string): string {
  return renderPage(
    'Not found',
    `<h1>Not found</h1><p>No such ${escapeHtml(what)}.</p>`,
  );
}
