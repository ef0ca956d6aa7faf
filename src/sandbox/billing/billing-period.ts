import type { PriceInterval } from '../objects/build-price.js';

const DAY_SECONDS = 24 * 60 * 60;

/** Seconds in a number of days. */
export function daysToSeconds(days: number): number {
  return days * DAY_SECONDS;
}

/**
 * Adds whole intervals to a unix time (seconds) the way Stripe bills:
 * months and years keep the day of the month, clamped to the month's last
 * day (Jan 31 + 1 month = Feb 28 or 29).
 */
export function addIntervals(
  start: number,
  interval: PriceInterval,
  count: number,
): number {
  if (interval === 'day') return start + count * DAY_SECONDS;
  if (interval === 'week') return start + count * 7 * DAY_SECONDS;
  const months = interval === 'year' ? count * 12 : count;
  const date = new Date(start * 1000);
  const day = date.getUTCDate();
  const target = new Date(date.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return Math.floor(target.getTime() / 1000);
}

/**
 * End of the billing period that starts at `periodStart`, counted from the
 * billing cycle anchor so that short months do not drift the cycle.
 */
export function nextPeriodEnd(
  anchor: number,
  periodStart: number,
  interval: PriceInterval,
  count: number,
): number {
  let cycles = 1;
  let end = addIntervals(anchor, interval, count);
  while (end <= periodStart) {
    cycles += 1;
    end = addIntervals(anchor, interval, count * cycles);
  }
  return end;
}
