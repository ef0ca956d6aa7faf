import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../embedded/embedded-dynamo.js';
import { RevisionConflictError } from '../errors.js';
import { DynamoCustomerStore } from './customer-store.js';
import { makeDocumentClient } from './make-document-client.js';
import { DynamoUserClaimStore } from './user-claim-store.js';

const TABLES = { customers: 'customers-claims', events: 'events-claims' };
const NOW = Date.parse('2026-12-03T10:00:00.000Z');
const LEASE_MS = 30_000;

describe('Class: DynamoUserClaimStore', () => {
  let dynamo: EmbeddedDynamo;
  let claims: DynamoUserClaimStore;
  let customers: DynamoCustomerStore;

  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo({ tables: TABLES });
    const client = makeDocumentClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    });
    claims = new DynamoUserClaimStore(client, TABLES.customers);
    customers = new DynamoCustomerStore(client, TABLES.customers);
  });

  afterAll(async () => {
    await dynamo.stop();
  });

  it('lets exactly one of many concurrent requests take the claim', async () => {
    const owners = Array.from({ length: 10 }, (_, index) => `req_${index}`);

    const results = await Promise.all(
      owners.map((leaseOwner) =>
        claims.acquireClaim({
          userId: 'user_race',
          leaseOwner,
          nowMs: NOW,
          leaseMs: LEASE_MS,
        }),
      ),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
    const claim = await claims.getClaim('user_race');
    expect(owners[results.indexOf(true)]).toBe(claim?.leaseOwner);
    expect(claim?.leaseExpiresAt).toBe(NOW + LEASE_MS);
  });

  it('lets another request take over a lease that expired', async () => {
    const first = { userId: 'user_slow', nowMs: NOW, leaseMs: LEASE_MS };
    await claims.acquireClaim({ ...first, leaseOwner: 'req_a' });

    const early = await claims.acquireClaim({
      ...first,
      leaseOwner: 'req_b',
      nowMs: NOW + LEASE_MS - 1,
    });
    const late = await claims.acquireClaim({
      ...first,
      leaseOwner: 'req_c',
      nowMs: NOW + LEASE_MS,
    });

    expect(early).toBe(false);
    expect(late).toBe(true);
    expect((await claims.getClaim('user_slow'))?.leaseOwner).toBe('req_c');
  });

  it('never hands out a claim once a customer is recorded', async () => {
    const input = { userId: 'user_done', nowMs: NOW, leaseMs: LEASE_MS };
    await claims.acquireClaim({ ...input, leaseOwner: 'req_a' });
    await claims.recordCustomer('user_done', 'cus_done');

    const later = await claims.acquireClaim({
      ...input,
      leaseOwner: 'req_b',
      nowMs: NOW + 10 * LEASE_MS,
    });

    expect(later).toBe(false);
    expect((await claims.getClaim('user_done'))?.stripeCustomerId).toBe(
      'cus_done',
    );
  });

  it('accepts the same customer twice but refuses a different one', async () => {
    const input = { userId: 'user_twice', nowMs: NOW, leaseMs: LEASE_MS };
    await claims.acquireClaim({ ...input, leaseOwner: 'req_a' });
    await claims.recordCustomer('user_twice', 'cus_1');

    await claims.recordCustomer('user_twice', 'cus_1');
    const other = claims.recordCustomer('user_twice', 'cus_2');

    await expect(other).rejects.toBeInstanceOf(RevisionConflictError);
  });

  it('keeps claim items out of the user index', async () => {
    await claims.acquireClaim({
      userId: 'user_index',
      leaseOwner: 'req_a',
      nowMs: NOW,
      leaseMs: LEASE_MS,
    });

    const linked = await customers.findCustomersByUserId('user_index');

    expect(linked).toEqual([]);
    expect(await claims.getClaim('user_index')).toBeDefined();
  });

  it('ends a lease early only for its holder', async () => {
    const input = { userId: 'user_fail', nowMs: NOW, leaseMs: LEASE_MS };
    await claims.acquireClaim({ ...input, leaseOwner: 'req_a' });
    await claims.releaseClaim('user_fail', 'req_b');
    const whileHeld = await claims.acquireClaim({
      ...input,
      leaseOwner: 'req_c',
    });

    await claims.releaseClaim('user_fail', 'req_a');
    const afterRelease = await claims.acquireClaim({
      ...input,
      leaseOwner: 'req_c',
    });

    expect(whileHeld).toBe(false);
    expect(afterRelease).toBe(true);
  });
});
