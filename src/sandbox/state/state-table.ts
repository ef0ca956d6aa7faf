/** Tables of the state that hold Stripe objects by id (a `Collection`). */
export const COLLECTION_TABLES = [
  'products',
  'prices',
  'customers',
  'subscriptions',
  'invoices',
  'checkoutSessions',
  'portalSessions',
  'webhookEndpoints',
  'testClocks',
] as const;

/** Tables of the state that hold bookkeeping by object id (a map). */
export const MAP_TABLES = [
  'cards',
  'checkoutPlans',
  'schedules',
  'endpointSecrets',
  'deliveries',
  'deliveryRetries',
] as const;

/** One of {@link COLLECTION_TABLES}. */
export type CollectionTable = (typeof COLLECTION_TABLES)[number];

/** One of {@link MAP_TABLES}. */
export type MapTable = (typeof MAP_TABLES)[number];

/**
 * A part of the state whose entries are keyed by an id; the journal
 * records changes as (table, id, value). Names match the snapshot's keys.
 */
export type StateTable =
  | CollectionTable
  | MapTable
  | 'events'
  | 'deletedCustomers';

/** Told each (table, id) that was added, looked up, changed or deleted. */
export type TouchListener = (table: StateTable, id: string) => void;
