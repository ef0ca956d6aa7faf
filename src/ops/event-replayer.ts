import type Stripe from 'stripe';

import { translateStripeError } from '../stripe/make-stripe-client.js';
import type { EventProcessor } from '../webhook/process-event.js';
import type { EventOutcome } from '../webhook/webhook-metrics.js';

/** What replaying one event came to. */
export interface ReplayResult {
  readonly eventId: string;
  /** Known once the event was fetched. */
  readonly type?: string | undefined;
  /** Absent when it failed; `error` says why. */
  readonly outcome?: EventOutcome | undefined;
  readonly error?: string | undefined;
}

/** Days back Stripe keeps events retrievable through the Events API. */
export const EVENTS_RETENTION_DAYS = 30;

/**
 * Processes events fetched from Stripe through the webhook's own path
 * ({@link EventProcessor}: ledger claim, handler, completion), so a replay
 * takes effect exactly once and under the same timeline rules as a
 * delivery. An event already done is reported `duplicate`.
 */
export class EventReplayer {
  readonly #getClient: () => Promise<Stripe>;
  readonly #processor: EventProcessor;

  constructor(getClient: () => Promise<Stripe>, processor: EventProcessor) {
    this.#getClient = getClient;
    this.#processor = processor;
  }

  /** Fetches one event by id (`events.retrieve`) and processes it. */
  async replay(eventId: string): Promise<ReplayResult> {
    let event: Stripe.Event;
    try {
      const client = await this.#getClient();
      event = await client.events.retrieve(eventId);
    } catch (error) {
      return {
        eventId,
        error: messageOf(
          translateStripeError(error, `retrieving event ${eventId}`),
        ),
      };
    }
    return this.#process(event);
  }

  /**
   * Processes, oldest first, the events Stripe reports as not delivered
   * (`delivery_success: false`) created at or after `sinceSeconds`.
   */
  async processUndelivered(
    sinceSeconds: number,
    onEvent?: (result: ReplayResult) => void,
  ): Promise<ReplayResult[]> {
    const events = await this.#listUndelivered(sinceSeconds);
    const results: ReplayResult[] = [];
    for (const event of events.reverse()) {
      const result = await this.#process(event);
      onEvent?.(result);
      results.push(result);
    }
    return results;
  }

  async #listUndelivered(sinceSeconds: number): Promise<Stripe.Event[]> {
    const client = await this.#getClient();
    const events: Stripe.Event[] = [];
    try {
      for await (const event of client.events.list({
        delivery_success: false,
        created: { gte: sinceSeconds },
        limit: 100,
      })) {
        events.push(event);
      }
    } catch (error) {
      throw translateStripeError(error, 'listing undelivered events');
    }
    return events;
  }

  async #process(event: Stripe.Event): Promise<ReplayResult> {
    const base = { eventId: event.id, type: event.type };
    try {
      const { outcome } = await this.#processor.process(event);
      return { ...base, outcome };
    } catch (error) {
      return { ...base, error: messageOf(error) };
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether a replay settled the event (applied, duplicate, stale, ignored). */
export function isSettled(result: ReplayResult): boolean {
  return result.outcome !== undefined && result.outcome !== 'in_flight';
}
