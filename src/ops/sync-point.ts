import type { TimelinePoint } from '../domain/customer-record.js';

/**
 * How far before the start of its Stripe reads a sync stamps the state it
 * writes, in seconds. It absorbs clock skew between this machine and
 * Stripe: an event Stripe creates after the reads is never older than the
 * stamp, so it is applied, not discarded as stale. Default 300.
 */
export const SYNC_SAFETY_MARGIN_SECONDS = 300;

/**
 * The timeline point a sync stamps on a piece of state it rewrote from a
 * fetch that started at `fetchStartedSeconds` (this machine's clock).
 *
 * `eventCreated` is the later of the stored point and the fetch start
 * minus the safety margin: events older than that are reflected in the
 * fetch and are discarded if delivered late, events newer than that are
 * applied, and the point never moves backwards.
 */
export function makeSyncPoint(
  stored: TimelinePoint | undefined,
  fetchStartedSeconds: number,
  syncId: string,
  marginSeconds: number = SYNC_SAFETY_MARGIN_SECONDS,
): TimelinePoint {
  const floor = fetchStartedSeconds - marginSeconds;
  return {
    eventCreated: Math.max(stored?.eventCreated ?? 0, floor),
    eventId: syncId,
    source: 'sync',
  };
}
