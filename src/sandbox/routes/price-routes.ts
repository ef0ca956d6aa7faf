import type Stripe from 'stripe';
import { captureBefore } from '../billing/snapshot.js';

import {
  invalidState,
  parameterInvalid,
  parameterMissing,
  resourceMissing,
} from '../errors.js';
import { paginate } from '../http/paginate.js';
import { mergeMetadata, type ParamReader } from '../http/param-reader.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import { buildPrice, type PriceInterval } from '../objects/build-price.js';
import { buildProduct } from '../objects/build-product.js';
import type { SandboxContext } from '../sandbox-context.js';

const INTERVALS: readonly string[] = ['day', 'week', 'month', 'year'];

/** `/v1/prices`: create, retrieve, update (`active`, lookup keys), list. */
export function registerPriceRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;

  app.post('/v1/prices', (c) => {
    const reader = c.get('reader');
    const product = readProduct(context, reader);
    const price = buildPrice({
      created: context.now(),
      product,
      unitAmount: readUnitAmount(reader),
      currency: reader.requiredString('currency'),
      recurring: readRecurring(reader),
      lookupKey: null,
      nickname: reader.string('nickname'),
      active: reader.boolean('active'),
      metadata: reader.metadata() ?? {},
    });
    setLookupKey(context, price, reader);
    state.addPrice(price);
    context.events.record('price.created', price, { created: price.created });
    context.markChanged();
    return respond(c, context, price);
  });

  app.get('/v1/prices/:id', (c) => {
    const price = state.prices.get(c.req.param('id'));
    if (!price) throw resourceMissing('price', c.req.param('id'));
    return respond(c, context, price);
  });

  app.post('/v1/prices/:id', (c) => {
    const reader = c.get('reader');
    const price = state.prices.get(c.req.param('id'));
    if (!price) throw resourceMissing('price', c.req.param('id'));
    const active = reader.boolean('active');
    const nickname = reader.string('nickname');
    const metadata = reader.metadata();
    const before = captureBefore(price);
    setLookupKey(context, price, reader);
    if (active !== undefined) price.active = active;
    if (nickname !== undefined) price.nickname = nickname;
    price.metadata = mergeMetadata(price.metadata, metadata);
    context.events.record('price.updated', price, {
      created: context.now(),
      before,
    });
    context.markChanged();
    return respond(c, context, price);
  });

  app.get('/v1/prices', (c) => {
    const reader = c.get('reader');
    const filter = readPriceFilter(reader);
    const page = paginate(state.prices, reader, '/v1/prices', filter);
    return respond(c, context, page);
  });
}

function readProduct(context: SandboxContext, reader: ParamReader): string {
  const productId = reader.string('product');
  if (productId) {
    if (!context.state.products.has(productId)) {
      throw resourceMissing('product', productId, 'product');
    }
    return productId;
  }
  if (!reader.has('product_data')) throw parameterMissing('product');
  const data = reader.nested('product_data');
  const product = buildProduct({
    created: context.now(),
    name: data.requiredString('name'),
    metadata: data.metadata() ?? {},
  });
  context.state.products.add(product);
  return product.id;
}

function readUnitAmount(reader: ParamReader): number {
  const amount = reader.integer('unit_amount');
  if (amount === undefined) throw parameterMissing('unit_amount');
  if (amount < 0) {
    throw parameterInvalid(
      'unit_amount',
      'Invalid integer: unit_amount must be at least 0.',
      'parameter_invalid_integer',
    );
  }
  return amount;
}

function readRecurring(reader: ParamReader) {
  if (!reader.has('recurring')) return undefined;
  const recurring = reader.nested('recurring');
  const interval = recurring.requiredString('interval');
  if (!INTERVALS.includes(interval)) {
    throw parameterInvalid(
      'recurring[interval]',
      `Invalid recurring[interval]: must be one of ${INTERVALS.join(', ')}`,
    );
  }
  return {
    interval: interval as PriceInterval,
    intervalCount: recurring.integer('interval_count') ?? 1,
  };
}

function setLookupKey(
  context: SandboxContext,
  price: Stripe.Price,
  reader: ParamReader,
): void {
  const lookupKey = reader.string('lookup_key');
  if (lookupKey === undefined) return;
  const index = context.state.priceByLookupKey;
  const holder = lookupKey ? index.get(lookupKey) : undefined;
  if (holder && holder !== price.id && !reader.boolean('transfer_lookup_key')) {
    throw invalidState(
      `A price (\`${holder}\`) already uses that lookup key.`,
      'lookup_key',
    );
  }
  if (holder && holder !== price.id) {
    const previous = context.state.prices.get(holder);
    if (previous) previous.lookup_key = null;
  }
  if (price.lookup_key) index.delete(price.lookup_key);
  price.lookup_key = lookupKey;
  if (lookupKey) index.set(lookupKey, price.id);
}

function readPriceFilter(reader: ParamReader) {
  const active = reader.boolean('active');
  const product = reader.string('product');
  const type = reader.string('type');
  const currency = reader.string('currency');
  const lookupKeys = reader.strings('lookup_keys');
  return (price: Stripe.Price) =>
    (active === undefined || price.active === active) &&
    (!product || price.product === product) &&
    (!type || price.type === type) &&
    (!currency || price.currency === currency) &&
    (!lookupKeys || lookupKeys.includes(price.lookup_key ?? ''));
}
