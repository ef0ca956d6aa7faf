import type Stripe from 'stripe';

import { cancelSubscriptionNow } from '../billing/cancel-subscription.js';
import { captureBefore } from '../billing/snapshot.js';
import { behaviourOfPaymentMethod } from '../billing/test-cards.js';
import { resourceMissing } from '../errors.js';
import { parseCustomerQuery } from '../http/customer-search.js';
import { idSequence, paginate } from '../http/paginate.js';
import { mergeMetadata, type ParamReader } from '../http/param-reader.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import { makeId } from '../ids.js';
import { buildCustomer } from '../objects/build-customer.js';
import type { SandboxContext } from '../sandbox-context.js';
import { registerCustomerSearchRoute } from './customer-search-route.js';

const ENDED: ReadonlySet<string> = new Set(['canceled', 'incomplete_expired']);

/** `/v1/customers`: create, retrieve, update, delete, list, search. */
export function registerCustomerRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;
  registerCustomerSearchRoute(app, context, parseCustomerQuery);

  app.post('/v1/customers', (c) => {
    const reader = c.get('reader');
    const testClock = reader.string('test_clock');
    if (testClock && !state.testClocks.has(testClock)) {
      throw resourceMissing('test_clock', testClock, 'test_clock');
    }
    const paymentMethod = reader.string('payment_method');
    const behaviour = paymentMethod
      ? behaviourOfPaymentMethod(paymentMethod)
      : undefined;
    const customer = buildCustomer({
      created: context.timeOf(testClock),
      email: reader.string('email'),
      name: reader.string('name'),
      description: reader.string('description'),
      phone: reader.string('phone'),
      metadata: reader.metadata() ?? {},
      testClock,
    });
    if (behaviour) {
      const paymentMethodId = makeId('pm', 24);
      state.cards.set(customer.id, { paymentMethodId, behaviour });
      customer.invoice_settings.default_payment_method = paymentMethodId;
    }
    state.addCustomer(customer);
    context.events.record('customer.created', customer, {
      created: customer.created,
    });
    context.markChanged();
    return respond(c, context, customer);
  });

  app.get('/v1/customers/:id', (c) => {
    const id = c.req.param('id');
    const customer = state.customers.get(id);
    if (customer) return respond(c, context, customer);
    if (state.deletedCustomers.has(id)) {
      return c.json({ id, object: 'customer', deleted: true });
    }
    throw resourceMissing('customer', id);
  });

  app.post('/v1/customers/:id', (c) => {
    const customer = state.customers.get(c.req.param('id'));
    if (!customer) throw resourceMissing('customer', c.req.param('id'));
    updateCustomer(context, customer, c.get('reader'));
    return respond(c, context, customer);
  });

  app.delete('/v1/customers/:id', (c) => {
    const customer = state.customers.get(c.req.param('id'));
    if (!customer) throw resourceMissing('customer', c.req.param('id'));
    const at = context.timeOf(customer.test_clock as string | null);
    for (const id of state.subscriptionsByCustomer.get(customer.id)) {
      const subscription = state.subscriptions.get(id);
      if (!subscription || ENDED.has(subscription.status)) continue;
      cancelSubscriptionNow(
        context,
        subscription,
        at,
        'cancellation_requested',
      );
    }
    state.customers.delete(customer.id);
    state.customersByEmail.remove(customer.email, customer.id);
    state.deletedCustomers.add(customer.id);
    context.events.record('customer.deleted', customer, {
      created: context.now(),
    });
    context.markChanged();
    return c.json({ id: customer.id, object: 'customer', deleted: true });
  });

  app.get('/v1/customers', (c) => {
    const reader = c.get('reader');
    const email = reader.string('email');
    const testClock = reader.string('test_clock');
    const source = email
      ? idSequence(state.customersByEmail.get(email), (id) =>
          state.customers.get(id),
        )
      : state.customers;
    const page = paginate(source, reader, '/v1/customers', (customer) =>
      testClock ? customer.test_clock === testClock : true,
    );
    return respond(c, context, page);
  });
}

function updateCustomer(
  context: SandboxContext,
  customer: Stripe.Customer,
  reader: ParamReader,
): void {
  const email = reader.string('email');
  const name = reader.string('name');
  const description = reader.string('description');
  const phone = reader.string('phone');
  const metadata = reader.metadata();
  const before = captureBefore(customer);
  if (email !== undefined) {
    context.state.customersByEmail.remove(customer.email, customer.id);
    context.state.customersByEmail.add(email, customer.id);
    customer.email = email;
  }
  if (name !== undefined) customer.name = name;
  if (description !== undefined) customer.description = description;
  if (phone !== undefined) customer.phone = phone;
  customer.metadata = mergeMetadata(customer.metadata, metadata);
  context.events.record('customer.updated', customer, {
    created: context.timeOf(customer.test_clock as string | null),
    before,
  });
  context.markChanged();
}
