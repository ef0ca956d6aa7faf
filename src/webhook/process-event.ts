import type Stripe from 'stripe';

import { AppError } from '../shared/app-error.js';
import { describeError } from '../shared/describe-error.js';
import type { AppLogger } from '../shared/logger.js';
import { UnreadableObjectError } from './errors.js';
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
  /** For `rejected`: the reason code recorded in the ledger. */
  readonly reason?: string;
}

/**
 * The path of a verified event: claim it in the ledger, run its handler,
 * mark it done. When the handler (or the completion) fails, the claim is
 * released and the error propagates, so the delivery is answered with an
 * error and Stripe retries. An object the handler cannot use
 * ({@link UnreadableObjectError}) is not retried: the event is marked done
 * as `rejected` with the reason, logged at error and counted, and nothing
 * else is written. Types without a handler are acknowledged without
 * touching the ledger. The operations CLI replays events through
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
      if (error instanceof UnreadableObjectError) {
        return this.#reject(event, claim.leaseToken, error);
      }
      await this.#release(event, claim.leaseToken, error);
      throw error;
    }
  }

  async #reject(
    event: Stripe.Event,
    leaseToken: string,
    error: UnreadableObjectError,
  ): Promise<ProcessResult> {
    this.#deps.logger.error('event rejected', {
      eventId: event.id,
      eventType: event.type,
      reason: error.reason,
      field: error.field,
    });
    try {
      await this.#deps.ledger.completeEvent(
        event.id,
        leaseToken,
        'rejected',
        error.reason,
      );
    } catch (completeError) {
      await this.#release(event, leaseToken, completeError);
      throw completeError;
    }
    return { outcome: 'rejected', reason: error.reason };
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
