import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../embedded/embedded-dynamo.js';
import { DynamoEventLedgerStore } from './event-ledger-store.js';
import { makeDocumentClient } from './make-document-client.js';

const TABLES = { customers: 'customers-ledger', events: 'events-ledger' };
const START_MS = Date.parse('2026-12-03T10:00:00.000Z');

function entry(eventId: string) {
  return { eventId, type: 'invoice.paid', eventCreated: 1_780_000_000 };
}

describe('Class: DynamoEventLedgerStore', () => {
  let dynamo: EmbeddedDynamo;
  let client: ReturnType<typeof makeDocumentClient>;
  let nowMs = START_MS;
  let ledger: DynamoEventLedgerStore;

  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo({ tables: TABLES });
    client = makeDocumentClient({
      region: 'us-east-1',
      endpoint: dynamo.endpoint,
    });
    ledger = new DynamoEventLedgerStore(client, TABLES.events, {
      leaseSeconds: 60,
      now: () => nowMs,
    });
  });

  afterAll(async () => {
    await dynamo.stop();
  });

  async function readItem(eventId: string) {
    const { Item } = await client.send(
      new GetCommand({ TableName: TABLES.events, Key: { eventId } }),
    );
    return Item;
  }

  it('claims a new event and stores its type, lease and 90-day expiry', async () => {
    const claim = await ledger.claimEvent(entry('evt_new'));

    const item = await readItem('evt_new');
    expect(claim).toMatchObject({ kind: 'claimed', attempts: 1 });
    expect(item).toMatchObject({
      type: 'invoice.paid',
      status: 'processing',
      attempts: 1,
      leaseExpiresAt: START_MS + 60_000,
      expiresAt: Math.floor(START_MS / 1000) + 90 * 86_400,
    });
  });

  it('reports an event held by a live lease as in flight', async () => {
    await ledger.claimEvent(entry('evt_held'));
    nowMs = START_MS + 15_000;

    const second = await ledger.claimEvent(entry('evt_held'));

    expect(second).toEqual({ kind: 'in_flight', retryAfterSeconds: 45 });
    nowMs = START_MS;
  });

  it('reports a completed event as done, with its outcome stored', async () => {
    const claim = await ledger.claimEvent(entry('evt_done'));
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await ledger.completeEvent('evt_done', claim.leaseToken, 'applied');

    const again = await ledger.claimEvent(entry('evt_done'));

    expect(again).toEqual({ kind: 'done' });
    expect(await readItem('evt_done')).toMatchObject({
      status: 'done',
      outcome: 'applied',
    });
  });

  it('lets the next delivery claim a released event at once', async () => {
    const first = await ledger.claimEvent(entry('evt_failed'));
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    await ledger.releaseEvent('evt_failed', first.leaseToken, 'store_down');

    const second = await ledger.claimEvent(entry('evt_failed'));

    expect(second).toMatchObject({ kind: 'claimed', attempts: 2 });
    expect(await readItem('evt_failed')).toMatchObject({
      status: 'processing',
      lastError: 'store_down',
    });
  });

  it('lets another delivery take over once a lease expired', async () => {
    const first = await ledger.claimEvent(entry('evt_crashed'));
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    nowMs = START_MS + 61_000;

    const second = await ledger.claimEvent(entry('evt_crashed'));
    const lateCompletion = await ledger.completeEvent(
      'evt_crashed',
      first.leaseToken,
      'applied',
    );

    expect(second).toMatchObject({ kind: 'claimed', attempts: 2 });
    expect(lateCompletion).toBe(false);
    nowMs = START_MS;
  });

  it('grants one claim when two deliveries race for one event', async () => {
    const claims = await Promise.all([
      ledger.claimEvent(entry('evt_race')),
      ledger.claimEvent(entry('evt_race')),
    ]);

    const kinds = claims.map((claim) => claim.kind).sort();
    expect(kinds).toEqual(['claimed', 'in_flight']);
  });
});
