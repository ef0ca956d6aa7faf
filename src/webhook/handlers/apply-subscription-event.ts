import type Stripe from 'stripe';

import type { Plan } from '../../domain/plan.js';
import { hasIgnoredUserId } from '../snapshots/stripe-fields.js';
import type { SubscriptionPayload } from '../snapshots/stripe-payloads.js';
import { toSubscriptionSnapshot } from '../snapshots/to-subscription-snapshot.js';
import type { EventOutcome } from '../webhook-metrics.js';
import {
  type HandlerContext,
  refOf,
  warnIgnoredUserId,
} from './event-handler.js';

/**
 * Applies the subscription an event carries (either API shape) to its
 * customer's record under the timeline rules. A deleted subscription keeps
 * its entry, with Stripe's status `canceled`.
 */
export function applySubscriptionEvent(
  event: Stripe.Event,
  context: HandlerContext,
  plans: readonly Plan[],
): Promise<EventOutcome> {
  const payload = event.data.object as unknown as SubscriptionPayload;
  const snapshot = toSubscriptionSnapshot(payload, plans);
  if (hasIgnoredUserId(payload.metadata)) {
    warnIgnoredUserId(event, context, 'metadata.userId');
  }
  return context.updater.applySubscription(snapshot, refOf(event));
}
