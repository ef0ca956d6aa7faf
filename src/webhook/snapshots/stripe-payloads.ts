import { isRecord, userIdFromMetadata } from './stripe-fields.js';

/**
 * The fields the webhook reads from Stripe objects, typed loosely enough to
 * cover both the current API version (billing period on subscription items,
 * invoice `parent.subscription_details`) and older ones (top-level
 * `current_period_end`, `plan`, `invoice.subscription`). Events arrive in
 * the API version of the endpoint, which may differ from the SDK's.
 */

/** An id, or the expanded object carrying it. */
export type Expandable = string | { readonly id: string } | null | undefined;

/** Stripe metadata: string values by key. */
export type Metadata = Readonly<Record<string, string>> | null | undefined;

/** A price or (older versions) a plan. */
export interface PricePayload {
  readonly id: string;
  readonly recurring?: { readonly interval?: string } | null;
  /** Plans (older versions) carry the interval at the top. */
  readonly interval?: string | null;
}

/** A subscription item, both shapes. */
export interface SubscriptionItemPayload {
  readonly price?: PricePayload | null;
  readonly plan?: PricePayload | null;
  readonly quantity?: number | null;
  readonly current_period_start?: number | null;
  readonly current_period_end?: number | null;
}

/** A subscription, both shapes. */
export interface SubscriptionPayload {
  readonly id: string;
  readonly object?: string;
  readonly customer: Expandable;
  readonly status: string;
  readonly created: number;
  readonly metadata?: Metadata;
  readonly items?: { readonly data?: readonly SubscriptionItemPayload[] };
  readonly plan?: PricePayload | null;
  readonly quantity?: number | null;
  readonly current_period_start?: number | null;
  readonly current_period_end?: number | null;
  readonly cancel_at_period_end?: boolean | null;
  readonly cancel_at?: number | null;
  readonly trial_end?: number | null;
}

/** An invoice, both shapes. */
export interface InvoicePayload {
  readonly id: string;
  readonly customer: Expandable;
  readonly status?: string | null;
  readonly created: number;
  readonly amount_due?: number | null;
  readonly currency?: string | null;
  readonly attempt_count?: number | null;
  /** Older versions name the subscription here. */
  readonly subscription?: Expandable;
  readonly parent?: {
    readonly type?: string | null;
    readonly subscription_details?: {
      readonly subscription?: Expandable;
      readonly metadata?: Metadata;
    } | null;
  } | null;
}

/** A checkout session. */
export interface CheckoutSessionPayload {
  readonly id: string;
  readonly customer?: Expandable;
  readonly client_reference_id?: string | null;
  readonly metadata?: Metadata;
  readonly customer_email?: string | null;
  readonly customer_details?: { readonly email?: string | null } | null;
}

/** A customer (or a deleted customer). */
export interface CustomerPayload {
  readonly id: string;
  readonly email?: string | null;
  readonly deleted?: boolean;
  readonly metadata?: Metadata;
}

/**
 * The id of an expandable field as sent; undefined when absent or not a
 * string. For logging only: the snapshot readers validate ids.
 */
export function idOf(value: Expandable): string | undefined {
  const id = isRecord(value) ? value.id : value;
  return typeof id === 'string' ? id : undefined;
}

/** A usable `userId` from metadata (see `readUserId`); undefined otherwise. */
export function userIdOf(metadata: Metadata): string | undefined {
  return userIdFromMetadata(metadata);
}
