import type Stripe from 'stripe';

import { parameterInvalid } from '../errors.js';

/** One `field:'value'` clause of a search query. */
interface Clause {
  readonly read: (customer: Stripe.Customer) => unknown;
  readonly value: string;
}

const CLAUSE =
  /^(?:metadata\[['"]([^'"]+)['"]\]|(email|name|phone))\s*:\s*['"]([^'"]*)['"]$/;

/**
 * Reads the subset of Stripe's search language the product uses on
 * customers: exact matches on `email`, `name`, `phone` and
 * `metadata['key']`, joined with `AND`. Anything else is refused with
 * Stripe's error, so a query never silently matches too much.
 */
export function parseCustomerQuery(
  query: string,
): (customer: Stripe.Customer) => boolean {
  const clauses = query
    .split(/\s+AND\s+/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map(parseClause);
  if (clauses.length === 0) throw invalidQuery(query);
  return (customer) =>
    clauses.every((clause) => clause.read(customer) === clause.value);
}

function parseClause(text: string): Clause {
  const match = CLAUSE.exec(text);
  if (!match) throw invalidQuery(text);
  const [, metadataKey, field, value = ''] = match;
  if (metadataKey) {
    return { read: (customer) => customer.metadata[metadataKey], value };
  }
  const name = field as 'email' | 'name' | 'phone';
  return { read: (customer) => customer[name], value };
}

function invalidQuery(text: string) {
  return parameterInvalid(
    'query',
    `The sandbox cannot read the search query near '${text}'. Use field:'value' clauses on email, name, phone or metadata['key'], joined with AND.`,
  );
}
