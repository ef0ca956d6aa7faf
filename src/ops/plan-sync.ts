import type {
  CustomerRecord,
  InvoiceRecord,
  SubscriptionRecord,
  TimelinePoint,
} from '../domain/customer-record.js';
import type { InvoiceSnapshot } from '../domain/state-snapshot.js';
import type { CustomerTruth } from './customer-truth.js';
import { diffFields, type FieldChange } from './field-change.js';

/** Stamps a rewritten piece, given the point it was stored at. */
export type StampPiece = (stored: TimelinePoint | undefined) => TimelinePoint;

/** What a sync would change on one customer record. */
export interface SyncPlan {
  /** Fields that differ from Stripe; empty when in sync. */
  readonly changes: readonly FieldChange[];
  /**
   * The record to write (revision one more than the one read); absent when
   * nothing differs.
   */
  readonly record?: CustomerRecord | undefined;
}

/**
 * Compares the stored record with Stripe's truth and builds the record
 * that matches it. Pieces that differ are replaced and stamped with
 * `stamp`; equal pieces keep their timeline point. Rules kept from the
 * webhook: a user link is never replaced, a deletion is final, and an
 * older invoice never replaces a newer stored one. Subscriptions Stripe no
 * longer lists stay stored as they are. `nowIso` stamps the item.
 */
export function planSync(
  stored: CustomerRecord | undefined,
  truth: CustomerTruth,
  stamp: StampPiece,
  nowIso: string,
): SyncPlan {
  const changes: FieldChange[] = [];
  const customer = planCustomerFields(stored, truth, changes);
  const subscriptions = planSubscriptions(stored, truth, stamp, changes);
  const latestInvoice = planInvoice(stored, truth, stamp, changes);
  if (changes.length === 0) return { changes };

  const base: CustomerRecord = stored ?? {
    customerId: truth.customer.customerId,
    subscriptions: {},
    revision: 0,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  const record: CustomerRecord = {
    ...base,
    ...customer,
    subscriptions,
    latestInvoice,
    revision: base.revision + 1,
    updatedAt: nowIso,
  };
  return { changes, record };
}

function planCustomerFields(
  stored: CustomerRecord | undefined,
  truth: CustomerTruth,
  changes: FieldChange[],
): Pick<CustomerRecord, 'userId' | 'email' | 'deleted'> {
  const facts = truth.customer;
  const userId = stored?.userId ?? facts.userId ?? linkedUserOf(truth);
  const email = facts.email ?? stored?.email;
  const deleted = stored?.deleted === true || facts.deleted === true;
  const next = { userId, email, deleted: deleted || undefined };
  const previous = {
    userId: stored?.userId,
    email: stored?.email,
    deleted: stored?.deleted,
  };
  changes.push(...diffFields('customer', previous, next, undefined));
  return next;
}

/** A user named by the metadata of one of the customer's subscriptions. */
function linkedUserOf(truth: CustomerTruth): string | undefined {
  return truth.subscriptions.find((subscription) => subscription.userId)
    ?.userId;
}

function planSubscriptions(
  stored: CustomerRecord | undefined,
  truth: CustomerTruth,
  stamp: StampPiece,
  changes: FieldChange[],
): Record<string, SubscriptionRecord> {
  const result: Record<string, SubscriptionRecord> = {
    ...stored?.subscriptions,
  };
  for (const snapshot of truth.subscriptions) {
    const { customerId, userId, ...fields } = snapshot;
    const current = stored?.subscriptions[fields.subscriptionId];
    const found = diffFields(
      `subscriptions.${fields.subscriptionId}`,
      current,
      fields,
      fields.status,
    );
    if (found.length === 0) continue;
    changes.push(...found);
    result[fields.subscriptionId] = { ...fields, asOf: stamp(current?.asOf) };
  }
  return result;
}

function planInvoice(
  stored: CustomerRecord | undefined,
  truth: CustomerTruth,
  stamp: StampPiece,
  changes: FieldChange[],
): InvoiceRecord | undefined {
  const current = stored?.latestInvoice;
  const latest = truth.latestInvoice;
  if (latest === undefined) return current;
  const { customerId, userId, ...fields } = latest;
  const isSameInvoice = current?.invoiceId === fields.invoiceId;
  if (current !== undefined && !isSameInvoice && !isLater(latest, current)) {
    return current;
  }

  const found = diffFields(
    'latestInvoice',
    isSameInvoice ? current : undefined,
    fields,
    `${fields.invoiceId} ${fields.paymentStatus}`,
  );
  if (found.length === 0) return current;
  changes.push(...found);
  return { ...fields, asOf: stamp(isSameInvoice ? current?.asOf : undefined) };
}

function isLater(candidate: InvoiceSnapshot, current: InvoiceRecord): boolean {
  if (candidate.created !== current.created) {
    return candidate.created > current.created;
  }
  return candidate.invoiceId > current.invoiceId;
}
