import type Stripe from 'stripe';
import { invalidState, resourceMissing } from '../errors.js';
import { makeId } from '../ids.js';
import { buildCustomer } from '../objects/build-customer.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { CardBehaviour } from '../state/sandbox-state.js';
import { expireIfDue } from './expire-checkout-session.js';
import { captureBefore } from './snapshot.js';
import { startSubscription } from './start-subscription.js';
import { chargeCard } from './test-cards.js';

/** How the buyer paid: a test card behaviour and, optionally, an email. */
export interface CheckoutPayment {
  readonly behaviour: CardBehaviour;
  readonly email?: string | undefined;
}

/**
 * Completes an open subscription-mode checkout session as a buyer would:
 * a declined card changes nothing and answers the card error; otherwise the
 * customer (made when the session has none) gets the card, the subscription
 * starts, and `checkout.session.completed` closes the sequence.
 */
export function completeCheckout(
  context: SandboxContext,
  sessionId: string,
  payment: CheckoutPayment,
): Stripe.Checkout.Session {
  const state = context.state;
  const session = state.checkoutSessions.get(sessionId);
  const plan = state.checkoutPlans.get(sessionId);
  if (!session || !plan) throw resourceMissing('checkout.session', sessionId);
  assertOpen(context, session);
  const declined = chargeCard(payment.behaviour, true);
  if (declined) throw declined;
  const customer = attachCard(context, session, payment);
  const lines = plan.lineItems.map((line) => {
    const price = state.prices.get(line.price);
    if (!price) throw resourceMissing('price', line.price);
    return { price, quantity: line.quantity };
  });
  const started = startSubscription(context, {
    customer,
    lines,
    metadata: plan.subscriptionMetadata,
    trialPeriodDays: plan.trialPeriodDays,
  });
  const at = context.timeOf(customer.test_clock as string | null);
  Object.assign(session, {
    status: 'complete',
    payment_status:
      started.invoice.amount_due === 0 ? 'no_payment_required' : 'paid',
    customer: customer.id,
    customer_details: customerDetails(customer),
    subscription: started.subscription.id,
    invoice: started.invoice.id,
    url: null,
  });
  context.events.record('checkout.session.completed', session, {
    created: at,
  });
  context.markChanged();
  return session;
}

function assertOpen(context: SandboxContext, session: Stripe.Checkout.Session) {
  expireIfDue(context, session);
  if (session.status !== 'open') {
    throw invalidState(
      `This Checkout Session is ${session.status} and can no longer be completed.`,
    );
  }
}

function attachCard(
  context: SandboxContext,
  session: Stripe.Checkout.Session,
  payment: CheckoutPayment,
): Stripe.Customer {
  const state = context.state;
  let customer = session.customer
    ? state.customers.get(session.customer as string)
    : undefined;
  if (!customer) {
    customer = state.addCustomer(
      buildCustomer({
        created: context.now(),
        email: session.customer_email ?? payment.email ?? null,
      }),
    );
    context.events.record('customer.created', customer, {
      created: customer.created,
    });
  }
  const paymentMethodId = makeId('pm', 24);
  state.cards.set(customer.id, {
    paymentMethodId,
    behaviour: payment.behaviour,
  });
  const before = captureBefore(customer);
  customer.invoice_settings.default_payment_method = paymentMethodId;
  if (!customer.email && payment.email) {
    state.customersByEmail.add(payment.email, customer.id);
    customer.email = payment.email;
  }
  context.events.record('customer.updated', customer, {
    created: context.timeOf(customer.test_clock as string | null),
    before,
  });
  return customer;
}

function customerDetails(customer: Stripe.Customer) {
  return {
    address: null,
    business_name: null,
    email: customer.email ?? null,
    individual_name: null,
    name: customer.name ?? null,
    phone: customer.phone ?? null,
    tax_exempt: 'none',
    tax_ids: [],
  };
}
