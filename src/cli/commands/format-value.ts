/**
 * Shows a stored or Stripe value in a report: `(none)` for a missing one,
 * strings bare, anything else as JSON.
 */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
