import type Stripe from 'stripe';

import { buildEvent } from '../objects/build-event.js';
import type { SandboxState } from '../state/sandbox-state.js';
import { currentRequest } from './request-scope.js';
import type { BeforeImage } from './snapshot.js';

/** Events kept in memory at most, by default. */
export const DEFAULT_MAX_EVENTS = 200_000;

/** Receives each recorded event with the endpoints it must reach. */
export type EventListener = (
  event: Stripe.Event,
  endpoints: readonly Stripe.WebhookEndpoint[],
) => void;

/** Options of {@link EventRecorder.record}. */
export interface RecordOptions {
  /** Unix seconds of the change (test-clock time for clocked objects). */
  readonly created: number;
  /** The object's state before the change; gives `previous_attributes`. */
  readonly before?: BeforeImage | undefined;
}

/**
 * Records an event for every state change, as Stripe does: a snapshot of
 * the object, `previous_attributes` for updates, the API request that
 * caused it, and the webhook endpoints it is due to.
 */
export class EventRecorder {
  #listener: EventListener = () => {};
  #oldest = 0;

  /**
   * @param maxEvents events kept at most; the oldest are forgotten first so
   * that a long benchmark does not exhaust memory (default 200 000).
   */
  constructor(
    private readonly state: SandboxState,
    private readonly maxEvents = DEFAULT_MAX_EVENTS,
  ) {}

  /** Sets who receives recorded events (the webhook dispatcher). */
  listen(listener: EventListener): void {
    this.#listener = listener;
  }

  /**
   * Records one event about an object and hands it to delivery. An update
   * that changed nothing records nothing, as on Stripe.
   */
  record(
    type: string,
    object: object,
    options: RecordOptions,
  ): Stripe.Event | undefined {
    const previous = options.before?.previousAttributes(object);
    if (previous && Object.keys(previous).length === 0) return undefined;
    const endpoints = this.#endpointsFor(type);
    const request = currentRequest();
    const event = buildEvent({
      type,
      created: options.created,
      objectJson: JSON.stringify(object),
      previousAttributes: previous,
      pendingWebhooks: endpoints.length,
      requestId: request?.requestId ?? null,
      idempotencyKey: request?.idempotencyKey ?? null,
    });
    this.state.events.add(event);
    const statuses: Record<string, 'pending'> = {};
    for (const endpoint of endpoints) statuses[endpoint.id] = 'pending';
    this.state.deliveries.set(event.id, statuses);
    this.#forgetOldest();
    this.#listener(event, endpoints);
    return event;
  }

  #forgetOldest(): void {
    const events = this.state.events;
    while (events.size > this.maxEvents && this.#oldest < events.end) {
      const event = events.at(this.#oldest);
      this.#oldest += 1;
      if (!event) continue;
      events.delete(event.id);
      this.state.deliveries.delete(event.id);
      this.state.deliveryRetries.delete(event.id);
    }
  }

  #endpointsFor(type: string): Stripe.WebhookEndpoint[] {
    const matching: Stripe.WebhookEndpoint[] = [];
    for (const endpoint of this.state.webhookEndpoints.values()) {
      if (endpoint.status !== 'enabled') continue;
      const events = endpoint.enabled_events;
      if (events.includes('*') || events.includes(type)) {
        matching.push(endpoint);
      }
    }
    return matching;
  }
}
