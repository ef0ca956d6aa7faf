import type Stripe from 'stripe';

import type { InvoiceArchive } from '../../domain/invoice-archive.js';
import type { AppLogger } from '../../shared/logger.js';
import type { CustomerStateUpdater } from '../customer-state-updater.js';
import type { EventOutcome } from '../webhook-metrics.js';

/** What every handler works with. */
export interface HandlerContext {
  readonly updater: CustomerStateUpdater;
  readonly archive: InvoiceArchive;
  readonly logger: AppLogger;
}

/**
 * Acts on one event type. A handler returns only once its effect is
 * durably written, and throws when a retry may help (store or Stripe
 * unavailable), so that the claim is released and Stripe delivers again.
 */
export interface EventHandler {
  /** The event type, exactly as Stripe names it. */
  readonly type: string;
  handle(event: Stripe.Event, context: HandlerContext): Promise<EventOutcome>;
}

/** The identity and time of an event, for the timeline rules. */
export function refOf(event: Stripe.Event) {
  return { eventId: event.id, eventCreated: event.created };
}

/**
 * Logs that a user id field of the event's object was present but not a
 * usable string, so it was read as absent. Names the field, never its value.
 */
export function warnIgnoredUserId(
  event: Stripe.Event,
  context: HandlerContext,
  field: string,
): void {
  context.logger.warn('user id ignored', {
    eventId: event.id,
    eventType: event.type,
    field,
  });
}
