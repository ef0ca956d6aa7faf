import type {
  CustomerRecord,
  InvoiceRecord,
  SubscriptionRecord,
  TimelinePoint,
} from './customer-record.js';
import type {
  CustomerSnapshot,
  InvoiceSnapshot,
  SubscriptionSnapshot,
} from './state-snapshot.js';
import { type EventRef, placeOnTimeline } from './timeline.js';

/** What applying one event did to the stored state. */
export type ChangeOutcome = 'applied' | 'duplicate' | 'stale';

/**
 * The decision taken on the record read: write this record (its revision is
 * one more than the one read), skip with an outcome, or re-fetch the object
 * from Stripe because the event ties with the stored state.
 */
export type ChangeDecision =
  | { readonly kind: 'write'; readonly record: CustomerRecord }
  | { readonly kind: 'skip'; readonly outcome: ChangeOutcome }
  | { readonly kind: 'fetch' };

/** Where a snapshot comes from: the event's payload or a fresh fetch. */
export type SnapshotSource = 'event' | 'fetch';

type Step = 'write' | 'fetch' | ChangeOutcome;

/**
 * The timeline rule for one piece of state. A newer event is written even
 * when its state equals the stored one, so that the stored point moves
 * forward and an older event arriving later is recognised as stale.
 */
function decideStep(
  stored: TimelinePoint | undefined,
  isUnchanged: boolean,
  event: EventRef,
  source: SnapshotSource,
): Step {
  const position = placeOnTimeline(stored, event);
  if (position === 'stale') return 'stale';
  if (position === 'newer') return 'write';
  if (isUnchanged) return position === 'same_event' ? 'duplicate' : 'applied';
  if (source === 'fetch') return 'write';
  return position === 'same_event' ? 'duplicate' : 'fetch';
}

/**
 * Decides how a subscription snapshot changes the customer record `stored`
 * (undefined when the customer is not stored yet). `nowIso` stamps the item.
 */
export function decideSubscriptionChange(
  stored: CustomerRecord | undefined,
  snapshot: SubscriptionSnapshot,
  event: EventRef,
  source: SnapshotSource,
  nowIso: string,
): ChangeDecision {
  const current = stored?.subscriptions[snapshot.subscriptionId];
  const { customerId, userId, ...fields } = snapshot;
  const step = decideStep(
    current?.asOf,
    current !== undefined && hasSameFields(current, fields),
    event,
    source,
  );
  if (step !== 'write') return toDecision(step);

  const base = startFrom(stored, customerId, nowIso);
  const subscription: SubscriptionRecord = {
    ...fields,
    asOf: pointOf(event, source),
  };
  return write(
    {
      ...linkUser(base, userId),
      subscriptions: {
        ...base.subscriptions,
        [fields.subscriptionId]: subscription,
      },
    },
    nowIso,
  );
}

/**
 * Decides how an invoice snapshot changes the customer's latest invoice.
 * Invoices are ordered by their own `created` (then id): an event about an
 * older invoice never replaces a newer one. Events about the same invoice
 * follow the timeline rule.
 */
export function decideInvoiceChange(
  stored: CustomerRecord | undefined,
  snapshot: InvoiceSnapshot,
  event: EventRef,
  source: SnapshotSource,
  nowIso: string,
): ChangeDecision {
  const current = stored?.latestInvoice;
  const { customerId, userId, ...fields } = snapshot;
  let step: Step;
  if (current !== undefined && current.invoiceId !== fields.invoiceId) {
    step = isLaterInvoice(fields, current) ? 'write' : 'stale';
  } else {
    step = decideStep(
      current?.asOf,
      current !== undefined && hasSameFields(current, fields),
      event,
      source,
    );
  }
  if (step !== 'write') return toDecision(step);

  const base = startFrom(stored, customerId, nowIso);
  const latestInvoice: InvoiceRecord = {
    ...fields,
    asOf: pointOf(event, source),
  };
  return write({ ...linkUser(base, userId), latestInvoice }, nowIso);
}

/**
 * Decides how customer-level facts change the record: the user link is set
 * once and never replaced, the email is kept once known, and deletion is
 * final. Nothing here depends on order, so no timeline is kept.
 */
export function decideCustomerChange(
  stored: CustomerRecord | undefined,
  snapshot: CustomerSnapshot,
  nowIso: string,
): ChangeDecision {
  const base = startFrom(stored, snapshot.customerId, nowIso);
  const next: CustomerRecord = {
    ...linkUser(base, snapshot.userId),
    email: base.email ?? snapshot.email,
    deleted: base.deleted === true || snapshot.deleted === true || undefined,
  };
  const isUnchanged =
    stored !== undefined &&
    next.userId === stored.userId &&
    next.email === stored.email &&
    next.deleted === stored.deleted;
  if (isUnchanged) return { kind: 'skip', outcome: 'applied' };
  return write(next, nowIso);
}

/**
 * Whether `offeredUserId` disagrees with the user the record is already
 * linked to. Such an offer is ignored (and worth a warning).
 */
export function isUserConflict(
  stored: CustomerRecord | undefined,
  offeredUserId: string | undefined,
): boolean {
  return (
    stored?.userId !== undefined &&
    offeredUserId !== undefined &&
    stored.userId !== offeredUserId
  );
}

function linkUser(
  record: CustomerRecord,
  userId: string | undefined,
): CustomerRecord {
  if (record.userId !== undefined || userId === undefined) return record;
  return { ...record, userId };
}

function startFrom(
  stored: CustomerRecord | undefined,
  customerId: string,
  nowIso: string,
): CustomerRecord {
  return (
    stored ?? {
      customerId,
      subscriptions: {},
      revision: 0,
      createdAt: nowIso,
      updatedAt: nowIso,
    }
  );
}

function write(record: CustomerRecord, nowIso: string): ChangeDecision {
  return {
    kind: 'write',
    record: { ...record, revision: record.revision + 1, updatedAt: nowIso },
  };
}

function toDecision(step: Exclude<Step, 'write'>): ChangeDecision {
  return step === 'fetch' ? { kind: 'fetch' } : { kind: 'skip', outcome: step };
}

function pointOf(event: EventRef, source: SnapshotSource): TimelinePoint {
  return { eventCreated: event.eventCreated, eventId: event.eventId, source };
}

function isLaterInvoice(
  candidate: { readonly created: number; readonly invoiceId: string },
  current: InvoiceRecord,
): boolean {
  if (candidate.created !== current.created) {
    return candidate.created > current.created;
  }
  return candidate.invoiceId > current.invoiceId;
}

function hasSameFields(stored: object, fields: object): boolean {
  const storedValues = stored as Record<string, unknown>;
  return Object.entries(fields).every(
    ([key, value]) => storedValues[key] === value,
  );
}
