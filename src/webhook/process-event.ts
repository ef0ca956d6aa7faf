import type Stripe from 'stripe';

import { AppError } from '../shared/app-error.js';
import { describeError } from '../shared/describe-error.js';
import type { AppLogger } from '../shared/logger.js';
import type { EventLedger } from './event-ledger.js';
import type { EventHandler, HandlerContext } from './handlers/event-handler.js';
import {
  type EventOutcome,
  FAILED_OUTCOME,
  type RecordedOutcome,
  type WebhookMetrics,
} from './webhook-metrics.js';

/** Dependencies of {@link EventProcessor}. */
export interface EventProcessorDeps {
  readonly ledger: EventLedger;
  /** Handlers by event type (`makeEventHandlers`). */
  readonly handlers: ReadonlyMap<string, EventHandler>;
  readonly context: HandlerContext;
  readonly metrics: WebhookMetrics;
  readonly logger: AppLogger;
}

/** What processing one event came to. */
export interface ProcessResult {
  readonly outcome: EventOutcome;
  /** For `in_flight`: seconds until the other delivery's lease expires. */
  readonly retryAfterSeconds?: number;
}

/**
 * The path of a verified event: claim it in the ledger, run its handler,
 * mark it done. When the handler (or the completion) fails, the claim is
 * released and the error propagates, so the delivery is answered with an
 * error and Stripe retries. Types without a handler are acknowledged
 * without touching the ledger. The operations CLI replays events through
 * this same class.
 */
export class EventProcessor {
  readonly #deps: EventProcessorDeps;

  constructor(deps: EventProcessorDeps) {
    this.#deps = deps;
  }

  /**
   * Processes one event; throws when a retry may help. Every event is
   * counted with its latency, a failed one as `failed` before the rethrow.
   */
  async process(event: Stripe.Event): Promise<ProcessResult> {
    const started = performance.now();
    let result: ProcessResult;
    try {
      result = await this.#run(event);
    } catch (error) {
      this.#count(event, FAILED_OUTCOME, started);
      throw error;
    }
    this.#count(event, result.outcome, started);
    this.#deps.logger.info('event processed', {
      eventId: event.id,
      eventType: event.type,
      outcome: result.outcome,
    });
    return result;
  }

  #count(event: Stripe.Event, outcome: RecordedOutcome, started: number) {
    this.#deps.metrics.recordEvent(event.type, outcome);
    this.#deps.metrics.recordLatency(performance.now() - started);
  }

  async #run(event: Stripe.Event): Promise<ProcessResult> {
    const handler = this.#deps.handlers.get(event.type);
    if (handler === undefined) return { outcome: 'ignored' };

    const claim = await this.#deps.ledger.claimEvent({
      eventId: event.id,
      type: event.type,
      eventCreated: event.created,
    });
    if (claim.kind === 'done') return { outcome: 'duplicate' };
    if (claim.kind === 'in_flight') {
      return {
        outcome: 'in_flight',
        retryAfterSeconds: claim.retryAfterSeconds,
      };
    }

    try {
      const outcome = await handler.handle(event, this.#deps.context);
      await this.#deps.ledger.completeEvent(
        event.id,
        claim.leaseToken,
        outcome,
      );
      return { outcome };
    } catch (error) {
      await this.#release(event, claim.leaseToken, error);
      throw error;
    }
  }

  async #release(
    event: Stripe.Event,
    leaseToken: string,
    error: unknown,
  ): Promise<void> {
    const code = error instanceof AppError ? error.code : 'internal_error';
    try {
      await this.#deps.ledger.releaseEvent(event.id, leaseToken, code);
    } catch (releaseError) {
      // The lease expires on its own; the next delivery after it retries.
      this.#deps.logger.error('event claim not released', {
        eventId: event.id,
        eventType: event.type,
        error: describeError(releaseError),
      });
    }
  }
}
