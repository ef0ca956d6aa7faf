import type Stripe from 'stripe';

import { makeId } from '../ids.js';

/** The API version the sandbox speaks, the one stripe 23.x pins. */
export const SANDBOX_API_VERSION = '2026-11-18.endive';

/** What a new event is made of. */
export interface EventInput {
  readonly type: string;
  readonly created: number;
  /** The object at the moment of the change, already serialized. */
  readonly objectJson: string;
  readonly previousAttributes?: Record<string, unknown> | undefined;
  readonly pendingWebhooks: number;
  readonly requestId: string | null;
  readonly idempotencyKey: string | null;
}

/** Serialized `data` of each event, kept apart from the event object. */
const dataJsonOf = new WeakMap<object, string>();

/**
 * Builds an event around a snapshot of the object that changed. The
 * snapshot is kept as JSON text and parsed only when someone reads
 * `data` (a list, a retrieve): a test clock advance records hundreds of
 * thousands of events, and most are only ever sent as text.
 */
export function buildEvent(input: EventInput): Stripe.Event {
  const previous = input.previousAttributes
    ? `,"previous_attributes":${JSON.stringify(input.previousAttributes)}`
    : '';
  return makeEvent(
    {
      id: makeId('evt', 24),
      object: 'event',
      api_version: SANDBOX_API_VERSION,
      created: input.created,
      livemode: false,
      pending_webhooks: input.pendingWebhooks,
      request: { id: input.requestId, idempotency_key: input.idempotencyKey },
      type: input.type,
    },
    `{"object":${input.objectJson}${previous}}`,
  );
}

/** An event from its fields (without `data`) and its serialized data. */
export function makeEvent(
  fields: Record<string, unknown>,
  dataJson: string,
): Stripe.Event {
  const event: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    if (key !== 'data') event[key] = fields[key];
  }
  Object.defineProperty(event, 'data', {
    enumerable: true,
    get: () => JSON.parse(dataJson) as unknown,
  });
  dataJsonOf.set(event, dataJson);
  return event as unknown as Stripe.Event;
}

/** The event's fields other than `data`. */
export function eventFields(event: Stripe.Event): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    if (key !== 'data')
      fields[key] = (event as unknown as Record<string, unknown>)[key];
  }
  return fields;
}

/** The serialized `data` of an event built here. */
export function eventDataJson(event: Stripe.Event): string {
  return dataJsonOf.get(event) ?? JSON.stringify(event.data);
}

/** The event as JSON text, as a webhook delivery carries it. */
export function serializeEvent(event: Stripe.Event): string {
  const head = JSON.stringify(eventFields(event));
  return `${head.slice(0, -1)},"data":${eventDataJson(event)}}`;
}
