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

    const winners = results.filter((held) => held !== undefined);
    expect(winners).toHaveLength(1);
    const claim = await claims.getClaim('user_race');
    expect(winners[0]).toEqual(claim);
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

    expect(early).toBeUndefined();
    expect(late?.leaseOwner).toBe('req_c');
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

    expect(later).toBeUndefined();
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

    expect(whileHeld).toBeUndefined();
    expect(afterRelease?.leaseOwner).toBe('req_c');
  });

  it('lets exactly one request replace a deleted customer', async () => {
    const input = { userId: 'user_gone', nowMs: NOW, leaseMs: LEASE_MS };
    await claims.acquireClaim({ ...input, leaseOwner: 'req_a' });
    await claims.recordCustomer('user_gone', 'cus_gone');
    const owners = Array.from({ length: 10 }, (_, index) => `req_${index}`);

    const results = await Promise.all(
      owners.map((leaseOwner) =>
        claims.replaceCustomer({
          ...input,
          leaseOwner,
          deletedCustomerId: 'cus_gone',
        }),
      ),
    );

    const winners = results.filter((held) => held !== undefined);
    expect(winners).toHaveLength(1);
    expect(await claims.getClaim('user_gone')).toEqual({
      userId: 'user_gone',
      leaseOwner: winners[0]?.leaseOwner,
      leaseExpiresAt: NOW + LEASE_MS,
      stripeCustomerId: undefined,
      replacedCustomerId: 'cus_gone',
    });
  });

  it('keeps the replaced customer when a released claim is taken again', async () => {
    const input = { userId: 'user_again', nowMs: NOW, leaseMs: LEASE_MS };
    await claims.acquireClaim({ ...input, leaseOwner: 'req_a' });
    await claims.recordCustomer('user_again', 'cus_old');
    await claims.replaceCustomer({
      ...input,
      leaseOwner: 'req_b',
      deletedCustomerId: 'cus_old',
    });
    await claims.releaseClaim('user_again', 'req_b');

    const taken = await claims.acquireClaim({ ...input, leaseOwner: 'req_c' });
    await claims.recordCustomer('user_again', 'cus_new');

    expect(taken?.replacedCustomerId).toBe('cus_old');
    expect(await claims.getClaim('user_again')).toMatchObject({
      stripeCustomerId: 'cus_new',
      replacedCustomerId: 'cus_old',
    });
  });

  it('refuses to replace a customer the claim no longer records', async () => {
    const input = { userId: 'user_moved', nowMs: NOW, leaseMs: LEASE_MS };
    await claims.acquireClaim({ ...input, leaseOwner: 'req_a' });
    await claims.recordCustomer('user_moved', 'cus_current');

    const replaced = await claims.replaceCustomer({
      ...input,
      leaseOwner: 'req_b',
      deletedCustomerId: 'cus_earlier',
    });

    expect(replaced).toBeUndefined();
    expect((await claims.getClaim('user_moved'))?.stripeCustomerId).toBe(
      'cus_current',
    );
  });
});
