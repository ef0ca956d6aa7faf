import { SECRET_KEYS } from '../config/stripe-secrets.js';
import { applyChanges, type SecretStore } from './secret-store.js';
import { checkStripeKeys } from './stripe-keys.js';

/** The keys `setup secret` writes; absent ones are left as stored. */
export interface StripeKeysInput {
  /** `sk_test_...`, `sk_live_...` or a restricted key `rk_...`. */
  readonly secretKey?: string | undefined;
  /** `pk_test_...` or `pk_live_...`. */
  readonly publishableKey?: string | undefined;
}

/** What `setup secret` did; it holds names, never values. */
export interface SavedStripeKeys {
  /** Mode of the stored keys after the write. */
  readonly mode: 'test' | 'live';
  /** Names whose value changed. */
  readonly changed: readonly string[];
  /**
   * Set when the keys changed mode while a webhook signing secret is
   * stored: that secret belongs to an endpoint of the other mode, so
   * `setup webhook` must run again.
   */
  readonly staleWebhookMode?: 'test' | 'live' | undefined;
}

/**
 * Creates or updates the Stripe keys in the store. The keys as they will
 * be stored (given ones over stored ones) must be of one mode, checked by
 * the same rules as the deployed functions; otherwise nothing is written.
 */
export async function saveStripeKeys(
  store: SecretStore,
  input: StripeKeysInput,
): Promise<SavedStripeKeys> {
  const current = await store.read();
  const changes: Record<string, string> = {};
  const given = {
    [SECRET_KEYS.secretKey]: input.secretKey?.trim(),
    [SECRET_KEYS.publishableKey]: input.publishableKey?.trim(),
  };
  for (const [name, value] of Object.entries(given)) {
    if (value && value !== current[name]) changes[name] = value;
  }

  const mode = checkStripeKeys(
    applyChanges(current, changes),
    store.description,
  );
  const before = previousMode(current, store.description);
  const hasWebhookSecret = Boolean(current[SECRET_KEYS.webhookSecret]);
  if (Object.keys(changes).length > 0) await store.merge(changes);
  return {
    mode,
    changed: Object.keys(changes),
    staleWebhookMode:
      hasWebhookSecret && before !== undefined && before !== mode
        ? before
        : undefined,
  };
}

function previousMode(
  values: Readonly<Record<string, string>>,
  where: string,
): 'test' | 'live' | undefined {
  if (!values[SECRET_KEYS.secretKey]) return undefined;
  try {
    return checkStripeKeys(values, where);
  } catch {
    // Stored keys that were invalid have no mode to compare with.
    return undefined;
  }
}
