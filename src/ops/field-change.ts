/**
 * One field where the stored state differs from Stripe, e.g.
 * `subscriptions.sub_123.status`: `active` stored, `past_due` in Stripe.
 * `stored` is undefined when the piece is not stored at all.
 */
export interface FieldChange {
  readonly field: string;
  readonly stored: unknown;
  readonly stripe: unknown;
}

/**
 * Lists the fields of `fresh` whose values differ in `stored`, each
 * named `prefix.key`. A missing `stored` piece is one change named
 * `prefix`, its Stripe side being `summary`.
 */
export function diffFields(
  prefix: string,
  stored: object | undefined,
  fresh: object,
  summary: unknown,
): FieldChange[] {
  if (stored === undefined) {
    return [{ field: prefix, stored: undefined, stripe: summary }];
  }
  const storedValues = stored as Record<string, unknown>;
  return Object.entries(fresh)
    .filter(([key, value]) => storedValues[key] !== value)
    .map(([key, value]) => ({
      field: `${prefix}.${key}`,
      stored: storedValues[key],
      stripe: value,
    }));
}
