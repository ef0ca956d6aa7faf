import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';

import { buildCustomer } from '../objects/build-customer.js';
import { buildWebhookEndpoint } from '../objects/build-webhook-endpoint.js';
import { SandboxState } from '../state/sandbox-state.js';
import { EventRecorder } from './event-recorder.js';
import { runInRequest } from './request-scope.js';
import { captureBefore } from './snapshot.js';

function addEndpoint(state: SandboxState, enabledEvents: string[]) {
  return state.webhookEndpoints.add(
    buildWebhookEndpoint({
      created: 1,
      url: 'http://127.0.0.1/x',
      enabledEvents,
    }),
  );
}

describe('Class: EventRecorder', () => {
  it('records an update with the previous values of what changed', () => {
    const state = new SandboxState();
    const recorder = new EventRecorder(state);
    const customer = buildCustomer({ created: 1, email: 'old@example.com' });
    const before = captureBefore(customer);
    customer.email = 'new@example.com';

    const event = recorder.record('customer.updated', customer, {
      created: 2,
      before,
    });

    expect(event?.data.previous_attributes).toEqual({
      email: 'old@example.com',
    });
    expect((event?.data.object as Stripe.Customer | undefined)?.email).toBe(
      'new@example.com',
    );
    expect(state.events.size).toBe(1);
  });

  it('records nothing for an update that changed nothing', () => {
    const state = new SandboxState();
    const recorder = new EventRecorder(state);
    const customer = buildCustomer({ created: 1 });

    const event = recorder.record('customer.updated', customer, {
      created: 2,
      before: captureBefore(customer),
    });

    expect(event).toBeUndefined();
    expect(state.events.size).toBe(0);
  });

  it('keeps a snapshot that later changes to the object do not touch', () => {
    const state = new SandboxState();
    const recorder = new EventRecorder(state);
    const customer = buildCustomer({ created: 1, name: 'Ada' });

    const event = recorder.record('customer.created', customer, { created: 1 });
    customer.name = 'Grace';

    expect((event?.data.object as Stripe.Customer | undefined)?.name).toBe(
      'Ada',
    );
  });

  it('hands each event to the endpoints that enabled its type', () => {
    const state = new SandboxState();
    const recorder = new EventRecorder(state);
    const all = addEndpoint(state, ['*']);
    const invoices = addEndpoint(state, ['invoice.paid']);
    addEndpoint(state, ['customer.created']);
    const handed: string[][] = [];
    recorder.listen((_event, endpoints) =>
      handed.push(endpoints.map((e) => e.id)),
    );

    const event = runInRequest(
      { requestId: 'req_1', idempotencyKey: 'k1' },
      () => recorder.record('invoice.paid', { id: 'in_1' }, { created: 3 }),
    );

    expect(handed).toEqual([[all.id, invoices.id]]);
    expect(event?.pending_webhooks).toBe(2);
    expect(event?.request).toEqual({ id: 'req_1', idempotency_key: 'k1' });
  });

  it('forgets the oldest events beyond its limit', () => {
    const state = new SandboxState();
    const recorder = new EventRecorder(state, 2);

    const first = recorder.record(
      'invoice.created',
      { id: 'in_1' },
      { created: 1 },
    );
    recorder.record('invoice.created', { id: 'in_2' }, { created: 2 });
    recorder.record('invoice.created', { id: 'in_3' }, { created: 3 });

    expect(state.events.size).toBe(2);
    expect(state.events.has(first?.id ?? '')).toBe(false);
    expect(state.deliveries.has(first?.id ?? '')).toBe(false);
  });
});
