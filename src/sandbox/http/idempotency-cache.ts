/** Stripe keeps idempotency keys for 24 hours (milliseconds). */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** How many keys are kept at most; the oldest are forgotten first. */
export const IDEMPOTENCY_CACHE_CAPACITY = 100_000;

/** A saved answer to replay for a key. */
export interface SavedResponse {
  readonly status: number;
  readonly body: string;
}

interface Entry {
  readonly fingerprint: string;
  readonly savedAt: number;
  response: SavedResponse | null;
}

/** What the cache says about a key on arrival of a request. */
export type IdempotencyLookup =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly response: SavedResponse }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in_progress' };

/**
 * Remembers the answer to each idempotency key with a fingerprint of the
 * request (method, path and body), so that a retry replays the first
 * answer and a reuse with other parameters is refused.
 */
export class IdempotencyCache {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  /** Looks a key up; a new key is reserved until {@link save} or {@link release}. */
  begin(key: string, fingerprint: string): IdempotencyLookup {
    const entry = this.#entries.get(key);
    const now = this.now();
    if (entry && now - entry.savedAt < IDEMPOTENCY_KEY_LIFETIME_MS) {
      if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (!entry.response) return { kind: 'in_progress' };
      return { kind: 'replay', response: entry.response };
    }
    this.#entries.delete(key);
    this.#entries.set(key, { fingerprint, savedAt: now, response: null });
    this.#evictOldest();
    return { kind: 'new' };
  }

  /** Saves the answer of a reserved key. */
  save(key: string, response: SavedResponse): void {
    const entry = this.#entries.get(key);
    if (entry) entry.response = response;
  }

  /** Forgets a reserved key whose request failed validation. */
  release(key: string): void {
    this.#entries.delete(key);
  }

  /** Forgets every key. */
  clear(): void {
    this.#entries.clear();
  }

  #evictOldest(): void {
    while (this.#entries.size > IDEMPOTENCY_CACHE_CAPACITY) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) return;
      this.#entries.delete(oldest);
    }
  }
}
