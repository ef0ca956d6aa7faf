import type Stripe from 'stripe';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from 'vitest';

import { EnvironmentSecretsSource } from '../config/stripe-secrets.js';
import type { CustomerStore } from '../domain/customer-store.js';
import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../storage/embedded/embedded-dynamo.js';
import {
  type EmbeddedS3,
  startEmbeddedS3,
} from '../storage/embedded/embedded-s3.js';
import { StoreUnavailableError } from '../storage/errors.js';
import {
  makeWebhookService,
  type WebhookService,
} from './make-webhook-service.js';
import { InMemoryStripeReader } from './testing/in-memory-stripe-reader.js';
import { makeEvent } from './testing/signed-event.js';
import { subscriptionObject } from './testing/stripe-objects.js';
import {
  makeTestConfig,
  NOW_SECONDS,
  TEST_SECRETS,
} from './testing/webhook-harness.js';
import type { RecordedOutcome, WebhookMetrics } from './webhook-metrics.js';

/** Milliseconds the failing store spends before it gives up. */
const STORE_DELAY_MS = 250;

/** A store that is down: every call fails after {@link STORE_DELAY_MS}. */
const DOWN_STORE: CustomerStore = {
  getCustomer: async () => {
    vi.advanceTimersByTime(STORE_DELAY_MS);
    throw new StoreUnavailableError('reading a customer');
  },
  saveCustomer: async () => {
    throw new StoreUnavailableError('writing a customer');
  },
  findCustomersByUserId: async () => [],
};

class RecordingMetrics implements WebhookMetrics {
  readonly events: { type: string; outcome: RecordedOutcome }[] = [];
  readonly latencies: number[] = [];
  recordEvent(type: string, outcome: RecordedOutcome): void {
    this.events.push({ type, outcome });
  }
  recordSignatureFailure(): void {}
  recordLatency(milliseconds: number): void {
    this.latencies.push(milliseconds);
  }
  flush(): void {}
}

function subscriptionCreated(id: string): Stripe.Event {
  const event = makeEvent({
    id,
    type: 'customer.subscription.created',
    created: NOW_SECONDS - 60,
    object: subscriptionObject({
      id: 'sub_down',
      customer: 'cus_down',
      status: 'active',
      priceId: 'price_pro_month',
    }),
  });
  return event as unknown as Stripe.Event;
}

describe('Class: EventProcessor', () => {
  let dynamo: EmbeddedDynamo;
  let s3: EmbeddedS3;
  let metrics: RecordingMetrics;
  let service: WebhookService;

  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo({
      tables: { customers: 'customers-webhook', events: 'events-webhook' },
    });
    s3 = await startEmbeddedS3({ bucket: 'invoices-webhook' });
    metrics = new RecordingMetrics();
    service = makeWebhookService({
      config: makeTestConfig(dynamo.endpoint, s3.endpoint),
      secrets: new EnvironmentSecretsSource(TEST_SECRETS),
      reader: new InMemoryStripeReader(),
      customerStore: DOWN_STORE,
      metrics,
      now: () => NOW_SECONDS * 1000,
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  afterAll(async () => {
    await dynamo.stop();
    await s3.stop();
  });

  it('counts an event whose processing threw as failed, with its latency', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const event = subscriptionCreated('evt_store_down');

    const processing = service.processor.process(event);

    await expect(processing).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(metrics.events).toEqual([
      { type: 'customer.subscription.created', outcome: 'failed' },
    ]);
    expect(metrics.latencies).toEqual([STORE_DELAY_MS]);
  });

  it('counts a rejected event as rejected without touching the store', async () => {
    metrics.events.length = 0;
    const valid = subscriptionCreated('evt_rejected_count');
    const object = { ...valid.data.object, customer: 'claim#user#user_1' };
    const event = { ...valid, data: { object } } as unknown as Stripe.Event;

    const result = await service.processor.process(event);

    expect(result).toEqual({ outcome: 'rejected', reason: 'invalid_id' });
    expect(metrics.events).toEqual([
      { type: 'customer.subscription.created', outcome: 'rejected' },
    ]);
  });
});
