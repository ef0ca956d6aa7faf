import { makeEventHandlers } from '../webhook/handlers/event-handlers.js';

/**
 * The event types the webhook acts on, sorted: exactly what its Stripe
 * endpoint must be subscribed to. Read from the webhook's own handler
 * table, so that a new handler is picked up by `setup webhook` and
 * `doctor --live` without a second list to keep in step.
 */
export function handledEventTypes(): string[] {
  return [...makeEventHandlers([]).keys()].sort();
}
