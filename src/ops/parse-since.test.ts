import { describe, expect, it } from 'vitest';

import { InvalidSinceError } from './errors.js';
import { parseSince } from './parse-since.js';

const NOW = Date.parse('2026-12-03T10:00:00Z');

describe('Function: parseSince', () => {
  it('reads a duration back from now', () => {
    expect(parseSince('90m', NOW)).toBe(NOW - 90 * 60_000);
    expect(parseSince('24h', NOW)).toBe(NOW - 86_400_000);
    expect(parseSince('7d', NOW)).toBe(NOW - 7 * 86_400_000);
  });

  it('reads an ISO 8601 time', () => {
    expect(parseSince('2026-12-01T00:00:00Z', NOW)).toBe(
      Date.parse('2026-12-01T00:00:00Z'),
    );
  });

  it('throws for anything else', () => {
    expect(() => parseSince('yesterday', NOW)).toThrow(InvalidSinceError);
    expect(() => parseSince('12', NOW)).toThrow(InvalidSinceError);
  });
});
