import type Stripe from 'stripe';

import { parameterInvalid } from '../errors.js';
import { MAX_PAGE_SIZE } from '../http/paginate.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import type { SandboxContext } from '../sandbox-context.js';

/**
 * `GET /v1/customers/search`: Stripe's search result shape, newest first,
 * paged with `page` (an opaque token: here the position to resume after).
 */
export function registerCustomerSearchRoute(
  app: SandboxApp,
  context: SandboxContext,
  parse: (query: string) => (customer: Stripe.Customer) => boolean,
): void {
  app.get('/v1/customers/search', (c) => {
    const reader = c.get('reader');
    const matches = parse(reader.requiredString('query'));
    const limit = reader.integer('limit') ?? 10;
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw parameterInvalid(
        'limit',
        'Invalid limit.',
        'parameter_invalid_integer',
      );
    }
    const customers = context.state.customers;
    let position = readPage(reader.string('page'), customers.end);
    const data: Stripe.Customer[] = [];
    let hasMore = false;
    for (; position >= 0; position -= 1) {
      const customer = customers.at(position);
      if (!customer || !matches(customer)) continue;
      if (data.length === limit) {
        hasMore = true;
        break;
      }
      data.push(customer);
    }
    return respond(c, context, {
      object: 'search_result',
      data,
      has_more: hasMore,
      next_page: hasMore ? `page_${position}` : null,
      url: '/v1/customers/search',
    });
  });
}

function readPage(page: string | null | undefined, end: number): number {
  if (!page) return end - 1;
  const match = /^page_(\d+)$/.exec(page);
  if (!match) throw parameterInvalid('page', `Invalid page: ${page}`);
  return Number(match[1]);
}
