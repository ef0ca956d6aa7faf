import type Stripe from 'stripe';

import { cancelSubscriptionNow } from '../billing/cancel-subscription.js';
import { startSubscription } from '../billing/start-subscription.js';
import { updateSubscription } from '../billing/update-subscription.js';
import { invalidState, parameterMissing, resourceMissing } from '../errors.js';
import { idSequence, paginate } from '../http/paginate.js';
import type { ParamReader } from '../http/param-reader.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import type { SandboxContext } from '../sandbox-context.js';

/** `/v1/subscriptions`: create, retrieve, update, cancel, list. */
export function registerSubscriptionRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;
  const find = (id: string) => {
    const subscription = state.subscriptions.get(id);
    if (!subscription) throw resourceMissing('subscription', id);
    return subscription;
  };

  app.post('/v1/subscriptions', (c) => {
    const reader = c.get('reader');
    const customerId = reader.requiredString('customer');
    const customer = state.customers.get(customerId);
    if (!customer) throw resourceMissing('customer', customerId, 'customer');
    const lines = readLines(context, reader);
    const started = startSubscription(context, {
      customer,
      lines,
      metadata: reader.metadata() ?? {},
      trialPeriodDays: reader.integer('trial_period_days') ?? null,
    });
    context.markChanged();
    const isErrorOnIncomplete =
      reader.string('payment_behavior') === 'error_if_incomplete';
    if (started.failure && isErrorOnIncomplete) throw started.failure;
    return respond(c, context, started.subscription);
  });

  app.get('/v1/subscriptions/:id', (c) =>
    respond(c, context, find(c.req.param('id'))),
  );

  app.post('/v1/subscriptions/:id', (c) => {
    const reader = c.get('reader');
    const subscription = find(c.req.param('id'));
    const quantity = reader.integer('quantity');
    const items = reader.list('items').map((item) => ({
      id: item.string('id') ?? undefined,
      price: item.string('price') ?? undefined,
      quantity: item.integer('quantity'),
    }));
    if (quantity !== undefined && items.length === 0) {
      items.push({ id: undefined, price: undefined, quantity });
    }
    updateSubscription(context, subscription, {
      cancelAtPeriodEnd: reader.boolean('cancel_at_period_end'),
      items,
      metadata: reader.metadata(),
      description: reader.string('description'),
    });
    return respond(c, context, subscription);
  });

  app.delete('/v1/subscriptions/:id', (c) => {
    const subscription = find(c.req.param('id'));
    if (subscription.status === 'canceled') {
      throw invalidState(
        `No such subscription: '${subscription.id}' is already canceled.`,
      );
    }
    const at = context.timeOf(subscription.test_clock as string | null);
    const comment = c
      .get('reader')
      .nested('cancellation_details')
      .string('comment');
    cancelSubscriptionNow(
      context,
      subscription,
      at,
      'cancellation_requested',
      comment ?? null,
    );
    return respond(c, context, subscription);
  });

  app.get('/v1/subscriptions', (c) => {
    const reader = c.get('reader');
    const customer = reader.string('customer');
    const source = customer
      ? idSequence(state.subscriptionsByCustomer.get(customer), (id) =>
          state.subscriptions.get(id),
        )
      : state.subscriptions;
    const page = paginate(
      source,
      reader,
      '/v1/subscriptions',
      readFilter(reader),
    );
    return respond(c, context, page);
  });
}

function readLines(context: SandboxContext, reader: ParamReader) {
  const items = reader.list('items');
  if (items.length === 0) throw parameterMissing('items');
  return items.map((item, index) => {
    const priceId = item.requiredString('price');
    const price = context.state.prices.get(priceId);
    const param = `items[${index}][price]`;
    if (!price) throw resourceMissing('price', priceId, param);
    if (!price.active || !price.recurring) {
      throw invalidState(
        'The price specified is inactive or not recurring.',
        param,
      );
    }
    return { price, quantity: item.integer('quantity') ?? 1 };
  });
}

function readFilter(reader: ParamReader) {
  const status = reader.string('status');
  const price = reader.string('price');
  const testClock = reader.string('test_clock');
  return (subscription: Stripe.Subscription) =>
    matchesStatus(subscription.status, status) &&
    (!price || subscription.items.data.some((i) => i.price.id === price)) &&
    (!testClock || subscription.test_clock === testClock);
}

function matchesStatus(actual: string, wanted: string | null | undefined) {
  if (wanted === 'all') return true;
  if (wanted === 'ended') {
    return actual === 'canceled' || actual === 'incomplete_expired';
  }
  if (wanted) return actual === wanted;
  return actual !== 'canceled' && actual !== 'incomplete_expired';
}
