import type Stripe from 'stripe';
import { completeCheckout } from '../billing/complete-checkout.js';
import {
  expireCheckoutSession,
  expireIfDue,
} from '../billing/expire-checkout-session.js';
import { behaviourOfPaymentMethod } from '../billing/test-cards.js';
import {
  invalidState,
  parameterInvalid,
  parameterMissing,
  resourceMissing,
} from '../errors.js';
import { paginate } from '../http/paginate.js';
import type { ParamReader } from '../http/param-reader.js';
import { readUrl } from '../http/read-url.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import { buildCheckoutSession } from '../objects/build-checkout-session.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { CheckoutSessionPlan } from '../state/sandbox-state.js';

/**
 * `/v1/checkout/sessions` in subscription mode: create, retrieve, list,
 * expire, line items, and the test helper that completes a session.
 */
export function registerCheckoutRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;

  app.post('/v1/checkout/sessions', (c) => {
    const session = createSession(context, c.get('reader'));
    return respond(c, context, session);
  });

  app.get('/v1/checkout/sessions/:id', (c) =>
    respond(c, context, findSession(context, c.req.param('id'))),
  );

  app.get('/v1/checkout/sessions', (c) => {
    const reader = c.get('reader');
    const customer = reader.string('customer');
    const subscription = reader.string('subscription');
    const status = reader.string('status');
    const page = paginate(
      state.checkoutSessions,
      reader,
      '/v1/checkout/sessions',
      (s) =>
        (!customer || s.customer === customer) &&
        (!subscription || s.subscription === subscription) &&
        (!status || s.status === status),
    );
    return respond(c, context, page);
  });

  app.post('/v1/checkout/sessions/:id/expire', (c) => {
    const session = findSession(context, c.req.param('id'));
    if (session.status !== 'open') {
      throw invalidState(
        `Only Checkout Sessions with a status in ["open"] can be expired. This session has a status of "${session.status}".`,
      );
    }
    expireCheckoutSession(context, session, context.now());
    return respond(c, context, session);
  });

  app.get('/v1/checkout/sessions/:id/line_items', (c) => {
    const session = findSession(context, c.req.param('id'));
    const plan = state.checkoutPlans.get(session.id);
    const data = (plan?.lineItems ?? []).map((line, index) =>
      toLineItem(context, session, line, index),
    );
    const url = `/v1/checkout/sessions/${session.id}/line_items`;
    return respond(c, context, { object: 'list', data, has_more: false, url });
  });

  app.post('/v1/test_helpers/checkout/sessions/:id/complete', (c) => {
    const reader = c.get('reader');
    const paymentMethod = reader.string('payment_method') ?? 'pm_card_visa';
    const session = completeCheckout(context, c.req.param('id'), {
      behaviour: behaviourOfPaymentMethod(paymentMethod),
      email: reader.string('email') ?? undefined,
    });
    return respond(c, context, session);
  });
}

function findSession(context: SandboxContext, id: string) {
  const session = context.state.checkoutSessions.get(id);
  if (!session) throw resourceMissing('checkout.session', id);
  expireIfDue(context, session);
  return session;
}

function createSession(context: SandboxContext, reader: ParamReader) {
  const mode = reader.requiredString('mode');
  if (mode !== 'subscription') {
    throw parameterInvalid(
      'mode',
      `The sandbox supports mode=subscription only (got '${mode}').`,
    );
  }
  const customer = reader.string('customer') ?? null;
  if (customer && !context.state.customers.has(customer)) {
    throw resourceMissing('customer', customer, 'customer');
  }
  const customerEmail = reader.string('customer_email') ?? null;
  if (customer && customerEmail) {
    throw invalidState(
      'You may only specify one of these parameters: customer, customer_email.',
      'customer_email',
    );
  }
  const plan = readPlan(context, reader);
  const prices = plan.lineItems.map((line) => ({
    price: context.state.prices.get(line.price) as Stripe.Price,
    quantity: line.quantity,
  }));
  const session = buildCheckoutSession({
    created: context.now(),
    baseUrl: context.baseUrl,
    customer,
    customerEmail,
    clientReferenceId: reader.string('client_reference_id') ?? null,
    metadata: reader.metadata() ?? {},
    successUrl: readUrl(reader, 'success_url'),
    cancelUrl: readUrl(reader, 'cancel_url'),
    allowPromotionCodes: reader.boolean('allow_promotion_codes') ?? null,
    automaticTax: reader.nested('automatic_tax').boolean('enabled') ?? false,
    currency: prices[0]?.price.currency ?? 'usd',
    amountTotal: prices.reduce(
      (sum, line) => sum + (line.price.unit_amount ?? 0) * line.quantity,
      0,
    ),
  });
  context.state.checkoutSessions.add(session);
  context.state.checkoutPlans.set(session.id, plan);
  context.markChanged();
  return session;
}

function readPlan(
  context: SandboxContext,
  reader: ParamReader,
): CheckoutSessionPlan {
  const lines = reader.list('line_items');
  if (lines.length === 0) throw parameterMissing('line_items');
  const lineItems = lines.map((line, index) => {
    const priceId = line.requiredString('price');
    const price = context.state.prices.get(priceId);
    const param = `line_items[${index}][price]`;
    if (!price) throw resourceMissing('price', priceId, param);
    if (!price.active) {
      throw invalidState(`The price specified is inactive.`, param);
    }
    if (!price.recurring) {
      throw invalidState(
        'You must provide at least one recurring price in `subscription` mode when using prices.',
        param,
      );
    }
    const quantity = line.integer('quantity') ?? 1;
    if (quantity < 1) {
      throw parameterInvalid(
        `line_items[${index}][quantity]`,
        'Invalid quantity: must be at least 1.',
        'parameter_invalid_integer',
      );
    }
    return { price: priceId, quantity };
  });
  const data = reader.nested('subscription_data');
  const trialPeriodDays = data.integer('trial_period_days') ?? null;
  if (trialPeriodDays !== null && trialPeriodDays < 1) {
    throw parameterInvalid(
      'subscription_data[trial_period_days]',
      'Invalid trial_period_days: must be at least 1.',
      'parameter_invalid_integer',
    );
  }
  return {
    lineItems,
    subscriptionMetadata: data.metadata() ?? {},
    trialPeriodDays,
  };
}

function toLineItem(
  context: SandboxContext,
  session: Stripe.Checkout.Session,
  line: CheckoutSessionPlan['lineItems'][number],
  index: number,
) {
  const price = context.state.prices.get(line.price);
  const amount = (price?.unit_amount ?? 0) * line.quantity;
  const product = context.state.products.get(price?.product as string);
  return {
    id: `li_${session.id.slice(8, 30)}${index}`,
    object: 'item',
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price?.currency ?? 'usd',
    description: product?.name ?? null,
    metadata: {},
    price,
    quantity: line.quantity,
    adjustable_quantity: null,
  };
}
