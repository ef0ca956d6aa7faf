import type Stripe from 'stripe';

import type { AppLogger } from '../../shared/logger.js';
import { type SandboxClock, toUnixSeconds } from '../clock.js';
import { serializeEvent } from '../objects/build-event.js';
import type { SandboxState } from '../state/sandbox-state.js';
import { Chaos, type ChaosSettings } from './chaos.js';
import type { DeliveryScheduler } from './delivery-scheduler.js';
import { signPayload } from './sign-payload.js';

/**
 * Waits between delivery attempts after a failure, in milliseconds: an
 * exponential schedule like Stripe's, compressed from days to seconds so
 * that a local run converges. After the last one the delivery has failed.
 */
export const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];

/** Options of {@link WebhookDispatcher}. */
export interface WebhookDispatcherOptions {
  readonly state: SandboxState;
  readonly clock: SandboxClock;
  readonly scheduler: DeliveryScheduler;
  readonly logger: AppLogger;
  /** Deliveries in flight at once; default 8. */
  readonly concurrency?: number | undefined;
  /** Waits before each retry; default {@link DEFAULT_RETRY_DELAYS_MS}. */
  readonly retryDelaysMs?: readonly number[] | undefined;
  /** Time allowed to an endpoint to answer, in milliseconds; default 10 000. */
  readonly timeoutMs?: number | undefined;
  readonly chaos?: ChaosSettings | undefined;
  /**
   * Called before each attempt is sent and after each change of delivery
   * state: the sandbox commits its journal there, so that nothing is
   * delivered, or settled, that a hard kill could forget.
   */
  readonly onChange?: (() => void) | undefined;
}

interface Job {
  readonly event: Stripe.Event;
  readonly endpointId: string;
  readonly attempt: number;
}

/**
 * Delivers events to webhook endpoints as Stripe does: a JSON POST signed
 * with the endpoint's secret, retried with backoff on a non-2xx answer or a
 * network error, and tracked per event and endpoint.
 */
export class WebhookDispatcher {
  readonly #queue: Job[] = [];
  readonly #idle: (() => void)[] = [];
  readonly #chaos: Chaos | undefined;
  #active = 0;
  #held = 0;
  #retrying = 0;
  #isPumpScheduled = false;
  #isStopped = false;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.#chaos = options.chaos ? new Chaos(options.chaos) : undefined;
  }

  /** Deliveries waiting for a retry that has not come yet. */
  get pendingRetries(): number {
    return this.#retrying;
  }

  /** Queues an event for each endpoint it is due to. */
  enqueue(event: Stripe.Event, endpoints: readonly Stripe.WebhookEndpoint[]) {
    for (const endpoint of endpoints) {
      this.#admit({ event, endpointId: endpoint.id, attempt: 1 });
    }
  }

  /**
   * Resolves once nothing is queued, in flight or held back by chaos.
   * Retries scheduled for later are not waited for (see pendingRetries).
   */
  flush(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * Takes back deliveries left unfinished by a previous run (restored
   * state): pending ones are sent again, and those waiting for a retry
   * are retried when due, as Stripe keeps retrying across its restarts.
   * Answers how many were taken back.
   */
  resume(): number {
    const { state, clock } = this.options;
    let resumed = 0;
    for (const [eventId, statuses] of state.deliveries) {
      const event = state.events.peek(eventId);
      if (!event) continue;
      const retries = state.deliveryRetries.peek(eventId) ?? {};
      for (const [endpointId, status] of Object.entries(statuses)) {
        if (status !== 'pending') continue;
        const retry = retries[endpointId];
        const job = { event, endpointId, attempt: retry?.attempt ?? 1 };
        if (retry) this.#retryLater(job, Math.max(0, retry.dueAt - clock()));
        else this.#push(job, null);
        resumed += 1;
      }
    }
    return resumed;
  }

  /** Stops sending; queued deliveries are dropped. */
  stop(): void {
    this.#isStopped = true;
    this.#queue.length = 0;
    this.#notifyIfIdle();
  }

  #admit(job: Job): void {
    const decision = this.#chaos?.decide(this.#queue.length);
    if (!decision) {
      this.#push(job, null);
      return;
    }
    if (decision.isDropped) {
      this.#settle(job, 'failed');
      return;
    }
    for (let copy = 0; copy < decision.copies; copy += 1) {
      if (decision.delayMs === 0) {
        this.#push(job, decision.jumpTo);
        continue;
      }
      this.#held += 1;
      this.options.scheduler.schedule(() => {
        this.#held -= 1;
        this.#push(job, null);
        this.#notifyIfIdle();
      }, decision.delayMs);
    }
  }

  #push(job: Job, position: number | null): void {
    if (this.#isStopped) return;
    if (position === null) this.#queue.push(job);
    else this.#queue.splice(position, 0, job);
    if (this.#isPumpScheduled) return;
    this.#isPumpScheduled = true;
    setImmediate(() => {
      this.#isPumpScheduled = false;
      this.#pump();
    });
  }

  #pump(): void {
    const limit = this.options.concurrency ?? 8;
    while (this.#active < limit && this.#queue.length > 0) {
      const job = this.#queue.shift() as Job;
      this.#active += 1;
      void this.#send(job).finally(() => {
        this.#active -= 1;
        this.#pump();
        this.#notifyIfIdle();
      });
    }
  }

  async #send(job: Job): Promise<void> {
    const endpoint = this.options.state.webhookEndpoints.peek(job.endpointId);
    const secret = this.options.state.endpointSecrets.peek(job.endpointId);
    if (!endpoint || !secret || this.#isStopped) return;
    this.options.onChange?.();
    const isDelivered = await this.#post(endpoint.url, secret, job.event);
    if (isDelivered) {
      this.#settle(job, 'succeeded');
      return;
    }
    this.options.logger.warn('webhook delivery failed', {
      eventId: job.event.id,
      endpointId: job.endpointId,
      attempt: job.attempt,
    });
    this.#retryOrFail(job);
  }

  async #post(url: string, secret: string, event: Stripe.Event) {
    const payload = serializeEvent(event);
    const timestamp = toUnixSeconds(this.options.clock());
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signPayload(payload, secret, timestamp),
        },
        body: payload,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  #retryOrFail(job: Job): void {
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const delayMs = delays[job.attempt - 1];
    if (delayMs === undefined || this.#isStopped) {
      this.#settle(job, 'failed');
      return;
    }
    const next = { ...job, attempt: job.attempt + 1 };
    this.#noteRetry(next, this.options.clock() + delayMs);
    this.#retryLater(next, delayMs);
  }

  #retryLater(job: Job, delayMs: number): void {
    this.#retrying += 1;
    this.options.scheduler.schedule(() => {
      this.#retrying -= 1;
      this.#push(job, null);
    }, delayMs);
  }

  /** Keeps the next attempt in state, so a restart retries it when due. */
  #noteRetry(job: Job, dueAt: number): void {
    const retries = this.options.state.deliveryRetries;
    const pending = retries.get(job.event.id) ?? {};
    pending[job.endpointId] = { attempt: job.attempt, dueAt };
    retries.set(job.event.id, pending);
    this.options.onChange?.();
  }

  #settle(job: Job, outcome: 'succeeded' | 'failed'): void {
    const { deliveries, deliveryRetries } = this.options.state;
    const statuses = deliveries.get(job.event.id);
    if (!statuses || statuses[job.endpointId] === 'succeeded') return;
    statuses[job.endpointId] = outcome;
    if (outcome === 'succeeded' && job.event.pending_webhooks > 0) {
      job.event.pending_webhooks -= 1;
    }
    const retries = deliveryRetries.peek(job.event.id);
    if (retries && job.endpointId in retries) {
      delete retries[job.endpointId];
      if (Object.keys(retries).length === 0) {
        deliveryRetries.delete(job.event.id);
      } else {
        deliveryRetries.set(job.event.id, retries);
      }
    }
    this.options.onChange?.();
  }

  #isIdle(): boolean {
    return this.#queue.length === 0 && this.#active === 0 && this.#held === 0;
  }

  #notifyIfIdle(): void {
    if (!this.#isIdle() && !this.#isStopped) return;
    for (const resolve of this.#idle.splice(0)) resolve();
  }
}
