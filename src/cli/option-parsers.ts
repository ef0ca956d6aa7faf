import { InvalidArgumentError } from 'commander';

import { InvalidSinceError } from '../ops/errors.js';
import { parseSince } from '../ops/parse-since.js';

/**
 * A commander parser for `--since`: an ISO 8601 time or a duration back
 * from `now()` (`90m`, `24h`, `7d`), answered in epoch milliseconds.
 */
export function sinceParser(now: () => number): (value: string) => number {
  return (value) => {
    try {
      return parseSince(value, now());
    } catch (error) {
      if (error instanceof InvalidSinceError) {
        throw new InvalidArgumentError(error.message);
      }
      throw error;
    }
  };
}

/** A commander parser for a whole number from 1 to `max`. */
export function countParser(max: number): (value: string) => number {
  return (value) => {
    const count = Number(value);
    if (!/^\d+$/.test(value) || count < 1 || count > max) {
      throw new InvalidArgumentError(`must be a whole number from 1 to ${max}`);
    }
    return count;
  };
}
