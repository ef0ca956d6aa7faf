import { describe, expect, it } from 'vitest';

import { makeSyncPoint } from './sync-point.js';

describe('Function: makeSyncPoint', () => {
  it('stamps the fetch start minus the safety margin', () => {
    const point = makeSyncPoint(undefined, 10_000, 'sync_1', 300);

    expect(point).toEqual({
      eventCreated: 9_700,
      eventId: 'sync_1',
      source: 'sync',
    });
  });

  it('never moves the stored point backwards', () => {
    const stored = {
      eventCreated: 9_900,
      eventId: 'evt_1',
      source: 'event',
    } as const;

    const point = makeSyncPoint(stored, 10_000, 'sync_1', 300);

    expect(point.eventCreated).toBe(9_900);
  });
});
