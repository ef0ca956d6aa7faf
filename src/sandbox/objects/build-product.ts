import type Stripe from 'stripe';

import { fixtureTemplate } from '../fixtures/stripe-fixtures.js';
import { makeId } from '../ids.js';
import { ID_FIRST } from './id-first.js';

/** What a new product is made of. */
export interface ProductInput {
  readonly id?: string | undefined;
  readonly created: number;
  readonly name: string;
  readonly description?: string | null | undefined;
  readonly active?: boolean | undefined;
  readonly metadata?: Record<string, string> | undefined;
}

/** Builds a product in Stripe's shape (a given id is kept). */
export function buildProduct(input: ProductInput): Stripe.Product {
  const template = fixtureTemplate('product') as unknown as Stripe.Product;
  return {
    ...ID_FIRST,
    ...template,
    id: input.id ?? makeId('prod', 14),
    object: 'product',
    active: input.active ?? true,
    created: input.created,
    default_price: null,
    description: input.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: { ...input.metadata },
    name: input.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    unit_label: null,
    updated: input.created,
    url: null,
    type: 'service',
  };
}
