/**
 * A map keyed by object id that tells `onTouch` each key read, written or
 * deleted, so that values changed in place (a subscription's schedule, an
 * event's delivery statuses) reach the journal.
 */
export class TrackedMap<V> extends Map<string, V> {
  readonly #onTouch: (key: string) => void;

  constructor(onTouch: (key: string) => void) {
    super();
    this.#onTouch = onTouch;
  }

  override get(key: string): V | undefined {
    this.#onTouch(key);
    return super.get(key);
  }

  /** The value under a key, for a read that changes nothing. */
  peek(key: string): V | undefined {
    return super.get(key);
  }

  override set(key: string, value: V): this {
    this.#onTouch(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.#onTouch(key);
    return super.delete(key);
  }
}
