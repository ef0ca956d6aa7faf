import type { TimelinePoint } from './customer-record.js';

/** Where an event falls relative to the stored state of one piece. */
export const TIMELINE_POSITIONS = {
  /** Nothing stored yet, or the event is newer: apply its snapshot. */
  newer: 'newer',
  /** Same second, different event: the order is unknown. */
  tie: 'tie',
  /** This very event already produced the stored state. */
  sameEvent: 'same_event',
  /** The stored state is newer: the event is discarded. */
  stale: 'stale',
} as const;

/** A position of {@link TIMELINE_POSITIONS}. */
export type TimelinePosition =
  (typeof TIMELINE_POSITIONS)[keyof typeof TIMELINE_POSITIONS];

/** The identity and time of the event being applied. */
export interface EventRef {
  readonly eventId: string;
  /** Stripe's `created` of the event, seconds since the epoch. */
  readonly eventCreated: number;
}

/**
 * Places an event on the timeline of one stored piece of state. Stripe's
 * `created` has a resolution of one second, so two events of the same
 * second cannot be ordered from their payloads: that is a tie.
 */
export function placeOnTimeline(
  stored: TimelinePoint | undefined,
  event: EventRef,
): TimelinePosition {
  if (stored === undefined) return TIMELINE_POSITIONS.newer;
  if (stored.eventId === event.eventId) return TIMELINE_POSITIONS.sameEvent;
  if (event.eventCreated > stored.eventCreated) return TIMELINE_POSITIONS.newer;
  if (event.eventCreated < stored.eventCreated) return TIMELINE_POSITIONS.stale;
  return TIMELINE_POSITIONS.tie;
}
