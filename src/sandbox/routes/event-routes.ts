import type Stripe from 'stripe';

import { resourceMissing } from '../errors.js';
import { paginate } from '../http/paginate.js';
import type { ParamReader } from '../http/param-reader.js';
import { readRange } from '../http/read-range.js';
import { respond } from '../http/respond.js';
import type { SandboxApp } from '../http/sandbox-env.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { DeliveryStatus } from '../state/sandbox-state.js';

/** `/v1/events`: retrieve and list with Stripe's filters. */
export function registerEventRoutes(
  app: SandboxApp,
  context: SandboxContext,
): void {
  const state = context.state;

  app.get('/v1/events/:id', (c) => {
    const event = state.events.get(c.req.param('id'));
    if (!event) throw resourceMissing('event', c.req.param('id'));
    return respond(c, context, event);
  });

  app.get('/v1/events', (c) => {
    const reader = c.get('reader');
    const filter = readEventFilter(reader, (id) => state.deliveries.get(id));
    const page = paginate(state.events, reader, '/v1/events', filter);
    return respond(c, context, page);
  });
}

/**
 * Stripe's event filters: `type` (exact, or a `prefix.*` wildcard),
 * `types[]`, `created` ranges and `delivery_success` (true when every
 * endpoint got it; false when one is still pending or failed).
 */
function readEventFilter(
  reader: ParamReader,
  deliveriesOf: (id: string) => Record<string, DeliveryStatus> | undefined,
) {
  const type = reader.string('type');
  const types = reader.strings('types');
  const created = readRange(reader, 'created');
  const deliverySuccess = reader.boolean('delivery_success');
  const matchesType = makeTypeMatcher(type, types);
  return (event: Stripe.Event) => {
    if (!matchesType(event.type) || !created(event.created)) return false;
    if (deliverySuccess === undefined) return true;
    const statuses = Object.values(deliveriesOf(event.id) ?? {});
    const isDelivered = statuses.every((status) => status === 'succeeded');
    return isDelivered === deliverySuccess;
  };
}

function makeTypeMatcher(
  type: string | null | undefined,
  types: string[] | undefined,
): (candidate: string) => boolean {
  if (types && types.length > 0)
    return (candidate) => types.includes(candidate);
  if (!type) return () => true;
  if (type.endsWith('.*')) {
    const prefix = type.slice(0, -1);
    return (candidate) => candidate.startsWith(prefix);
  }
  return (candidate) => candidate === type;
}
