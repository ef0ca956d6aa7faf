import { captureBefore } from '../billing/snapshot.js';
import { invalidState, resourceMissing } from '../errors.js';
import { paginate } from '../http/paginate.js';
import { mergeMetadata } from '../http/param-reader.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import { buildProduct } from '../objects/build-product.js';
import type { SandboxContext } from '../sandbox-context.js';

/** `/v1/products`: create, retrieve, update, list. */
export function registerProductRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;

  app.post('/v1/products', (c) => {
    const reader = c.get('reader');
    const id = reader.string('id') ?? undefined;
    if (id && state.products.has(id)) {
      throw invalidState(`Product already exists.`, 'id');
    }
    const product = buildProduct({
      id,
      created: context.now(),
      name: reader.requiredString('name'),
      description: reader.string('description'),
      active: reader.boolean('active'),
      metadata: reader.metadata() ?? {},
    });
    state.products.add(product);
    context.events.record('product.created', product, {
      created: product.created,
    });
    context.markChanged();
    return respond(c, context, product);
  });

  app.get('/v1/products/:id', (c) => {
    const product = state.products.get(c.req.param('id'));
    if (!product) throw resourceMissing('product', c.req.param('id'));
    return respond(c, context, product);
  });

  app.post('/v1/products/:id', (c) => {
    const reader = c.get('reader');
    const product = state.products.get(c.req.param('id'));
    if (!product) throw resourceMissing('product', c.req.param('id'));
    const name = reader.string('name');
    const description = reader.string('description');
    const active = reader.boolean('active');
    const metadata = reader.metadata();
    const before = captureBefore(product);
    if (name) product.name = name;
    if (description !== undefined) product.description = description;
    if (active !== undefined) product.active = active;
    product.metadata = mergeMetadata(product.metadata, metadata);
    product.updated = context.now();
    context.events.record('product.updated', product, {
      created: product.updated,
      before,
    });
    context.markChanged();
    return respond(c, context, product);
  });

  app.get('/v1/products', (c) => {
    const active = c.get('reader').boolean('active');
    const page = paginate(
      state.products,
      c.get('reader'),
      '/v1/products',
      (p) => (active === undefined ? true : p.active === active),
    );
    return respond(c, context, page);
  });
}
