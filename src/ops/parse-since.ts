import { InvalidSinceError } from './errors.js';

const UNIT_MS = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
} as const;

/**
 * Reads a `--since` value: an ISO 8601 time, or a duration back from `now`
 * (`90m`, `24h`, `7d`). Both `now` and the result are in milliseconds since
 * the epoch. Throws {@link InvalidSinceError} for anything else.
 */
export function parseSince(value: string, now: number): number {
  const duration = /^(\d+)([mhd])$/.exec(value.trim());
  if (duration) {
    const unit = duration[2] as keyof typeof UNIT_MS;
    return now - Number(duration[1]) * UNIT_MS[unit];
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) throw new InvalidSinceError(value);
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new InvalidSinceError(value);
  return time;
}
