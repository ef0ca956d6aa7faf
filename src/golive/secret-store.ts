/** Values of a secret store, by name (`STRIPE_SECRET_KEY`, ...). */
export type SecretValues = Readonly<Record<string, string>>;

/**
 * Changes to apply to a secret store: a string sets a value, `null` removes
 * the name. Names not mentioned are kept as they are.
 */
export type SecretChanges = Readonly<Record<string, string | null>>;

/**
 * Where the Stripe secrets of one stage are kept: the `stripe/<stage>`
 * secret of AWS Secrets Manager for a deployed stage, the local `.env` file
 * for local use. The go-live commands read and merge through it and never
 * print what it holds.
 */
export interface SecretStore {
  /** Names the store in messages, e.g. `AWS secret stripe/prod`. */
  readonly description: string;
  /** Current values; empty when the store does not exist yet. */
  read(): Promise<SecretValues>;
  /** Applies the changes in one write, creating the store when needed. */
  merge(changes: SecretChanges): Promise<void>;
}

/** Applies changes to values, as every store does before writing. */
export function applyChanges(
  values: SecretValues,
  changes: SecretChanges,
): Record<string, string> {
  const next: Record<string, string> = { ...values };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}
