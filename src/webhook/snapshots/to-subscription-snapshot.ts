import type { BillingInterval, Plan } from '../../domain/plan.js';
import { BILLING_INTERVALS, findPlanByPriceId } from '../../domain/plan.js';
import type { SubscriptionSnapshot } from '../../domain/state-snapshot.js';
import {
  isWellFormedStatus,
  type SubscriptionStatus,
} from '../../domain/subscription-status.js';
import { REJECT_REASONS, UnreadableObjectError } from '../errors.js';
import {
  ID_PREFIXES,
  isRecord,
  readCount,
  readExpandableId,
  readFlag,
  readId,
  readOptionalTime,
  readPriceId,
  readTime,
  userIdFromMetadata,
} from './stripe-fields.js';
import type { SubscriptionPayload } from './stripe-payloads.js';

type Fields = Record<string, unknown>;

/**
 * Normalizes a subscription of any API version: the price, quantity and
 * billing period come from the first item when it has them (current
 * versions), else from the subscription itself (older versions with `plan`
 * and a top-level `current_period_end`). The plan key and interval come
 * from the catalogue when the price is in it. Every field is validated
 * (`stripe-fields.ts`); an unusable one throws `UnreadableObjectError`. A
 * well-formed status this code does not know is kept as sent.
 */
export function toSubscriptionSnapshot(
  subscription: SubscriptionPayload,
  plans: readonly Plan[],
): SubscriptionSnapshot {
  const fields = subscription as unknown as Fields;
  const customerId = readCustomer(fields.customer);
  const item = firstItemOf(fields.items);
  const priceId = priceIdOf(item?.price ?? item?.plan ?? fields.plan);
  const match = priceId ? findPlanByPriceId(plans, priceId) : undefined;
  return {
    customerId,
    userId: userIdFromMetadata(fields.metadata),
    subscriptionId: readId(fields.id, ID_PREFIXES.subscription, 'id'),
    status: readStatus(fields.status),
    priceId,
    planKey: match?.plan.key ?? null,
    interval: match?.interval ?? intervalOf(item, fields),
    quantity:
      readCount(item?.quantity, 'items.quantity') ??
      readCount(fields.quantity, 'quantity') ??
      1,
    currentPeriodStart: periodOf(item, fields, 'current_period_start'),
    currentPeriodEnd: periodOf(item, fields, 'current_period_end'),
    cancelAtPeriodEnd: readFlag(
      fields.cancel_at_period_end,
      'cancel_at_period_end',
    ),
    cancelAt: readOptionalTime(fields.cancel_at, 'cancel_at'),
    trialEnd: readOptionalTime(fields.trial_end, 'trial_end'),
    created: readTime(fields.created, 'created'),
  };
}

function readCustomer(value: unknown): string {
  const customerId = readExpandableId(value, ID_PREFIXES.customer, 'customer');
  if (customerId === undefined) {
    throw new UnreadableObjectError(REJECT_REASONS.missingCustomer, 'customer');
  }
  return customerId;
}

function readStatus(value: unknown): SubscriptionStatus {
  if (!isWellFormedStatus(value)) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidStatus, 'status');
  }
  return value;
}

function firstItemOf(items: unknown): Fields | undefined {
  if (items === null || items === undefined) return undefined;
  const data = isRecord(items) ? items.data : undefined;
  if (data === null || data === undefined) return undefined;
  if (!Array.isArray(data)) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidShape, 'items');
  }
  const item: unknown = data[0];
  if (item === undefined) return undefined;
  if (!isRecord(item)) {
    throw new UnreadableObjectError(REJECT_REASONS.invalidShape, 'items');
  }
  return item;
}

function priceIdOf(price: unknown): string | null {
  if (price === null || price === undefined) return null;
  const id = isRecord(price) ? price.id : price;
  return readPriceId(id, 'price');
}

function intervalOf(
  item: Fields | undefined,
  fields: Fields,
): BillingInterval | null {
  const price = item?.price ?? item?.plan ?? fields.plan;
  if (!isRecord(price)) return null;
  const recurring = isRecord(price.recurring) ? price.recurring : undefined;
  const interval = recurring?.interval ?? price.interval ?? null;
  return BILLING_INTERVALS.find((known) => known === interval) ?? null;
}

function periodOf(
  item: Fields | undefined,
  fields: Fields,
  field: 'current_period_start' | 'current_period_end',
): number | null {
  return (
    readOptionalTime(item?.[field], `items.${field}`) ??
    readOptionalTime(fields[field], field)
  );
}
