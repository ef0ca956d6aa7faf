/**
 * The sandbox's wall clock, in milliseconds since the epoch. Tests inject
 * their own to control time; test clocks (`clock_...`) keep their own
 * frozen time on top of it.
 */
export type SandboxClock = () => number;

/** The real clock. */
export const systemClock: SandboxClock = () => Date.now();

/** Converts a clock reading (milliseconds) to Stripe's unix seconds. */
export function toUnixSeconds(milliseconds: number): number {
  return Math.floor(milliseconds / 1000);
}
