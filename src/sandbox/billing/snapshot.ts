/** A deep copy of a plain JSON object, taken at the moment of a change. */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Stripe's `previous_attributes`: the former value of every top-level key
 * whose value changed between two snapshots.
 */
export function previousAttributes(
  before: object,
  after: object,
): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  const current = after as Record<string, unknown>;
  for (const key of Object.keys(current)) {
    if (JSON.stringify(old[key]) !== JSON.stringify(current[key])) {
      previous[key] = old[key] ?? null;
    }
  }
  return previous;
}
