import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CustomerRecord } from '../../domain/customer-record.js';
import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../embedded/embedded-dynamo.js';
import { RevisionConflictError } from '../errors.js';
import { DynamoCustomerStore } from './customer-store.js';
import { makeDocumentClient } from './make-document-client.js';

const TABLES = { customers: 'customers-test', events: 'events-test' };

function record(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    customerId: 'cus_1',
    userId: 'user_1',
    email: 'a@example.com',
    subscriptions: {},
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('Class: DynamoCustomerStore', () => {
  let dynamo: EmbeddedDynamo;
  let store: DynamoCustomerStore;

  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo({ tables: TABLES });
    const client = makeDocumentClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    });
    store = new DynamoCustomerStore(client, TABLES.customers);
  });

  afterAll(async () => {
    await dynamo.stop();
  });

  it('saves a new customer and reads it back by id and by user', async () => {
    await store.saveCustomer(record());

    const byId = await store.getCustomer('cus_1');
    const byUser = await store.findCustomersByUserId('user_1');

    expect(byId?.email).toBe('a@example.com');
    expect(byUser.map((customer) => customer.customerId)).toEqual(['cus_1']);
  });

  it('refuses to create a customer that already exists', async () => {
    await store.saveCustomer(record({ customerId: 'cus_2' }));

    const again = store.saveCustomer(record({ customerId: 'cus_2' }));

    await expect(again).rejects.toBeInstanceOf(RevisionConflictError);
  });

  it('refuses a write based on a stale revision', async () => {
    await store.saveCustomer(record({ customerId: 'cus_3' }));
    await store.saveCustomer(record({ customerId: 'cus_3', revision: 2 }));

    const stale = store.saveCustomer(
      record({ customerId: 'cus_3', revision: 2, email: 'old@example.com' }),
    );

    await expect(stale).rejects.toBeInstanceOf(RevisionConflictError);
    expect((await store.getCustomer('cus_3'))?.email).toBe('a@example.com');
  });

  it('keeps customers with no user out of the user index', async () => {
    await store.saveCustomer(
      record({ customerId: 'cus_4', userId: undefined }),
    );

    const stored = await store.getCustomer('cus_4');

    expect(stored).toBeDefined();
    expect(stored?.userId).toBeUndefined();
  });
});
