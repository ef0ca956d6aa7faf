import type Stripe from 'stripe';

import { fixtureTemplate } from '../fixtures/stripe-fixtures.js';
import { makeId } from '../ids.js';
import { ID_FIRST } from './id-first.js';

/** What a new billing portal session is made of. */
export interface PortalSessionInput {
  readonly created: number;
  readonly baseUrl: string;
  readonly customer: string;
  readonly returnUrl: string | null;
}

/** Builds a billing portal session whose `url` opens the hosted portal. */
export function buildPortalSession(
  input: PortalSessionInput,
): Stripe.BillingPortal.Session {
  const template = fixtureTemplate(
    'billing_portal.session',
  ) as unknown as Stripe.BillingPortal.Session;
  const id = makeId('bps', 24);
  return {
    ...ID_FIRST,
    ...template,
    id,
    object: 'billing_portal.session',
    configuration: 'bpc_sandbox_default',
    created: input.created,
    customer: input.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: input.returnUrl,
    url: `${input.baseUrl}/portal/${id}`,
  };
}
