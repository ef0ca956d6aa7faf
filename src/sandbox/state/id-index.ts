/**
 * Ids grouped under a key (e.g. subscriptions by customer), oldest first,
 * so filtered lists read only their own group.
 */
export class IdIndex {
  readonly #groups = new Map<string, string[]>();

  /** Adds an id to a key's group. */
  add(key: string | null | undefined, id: string): void {
    if (!key) return;
    const group = this.#groups.get(key);
    if (group) group.push(id);
    else this.#groups.set(key, [id]);
  }

  /** Removes an id from a key's group. */
  remove(key: string | null | undefined, id: string): void {
    if (!key) return;
    const group = this.#groups.get(key);
    if (!group) return;
    const position = group.indexOf(id);
    if (position >= 0) group.splice(position, 1);
    if (group.length === 0) this.#groups.delete(key);
  }

  /** The ids under a key, oldest first (empty when none). */
  get(key: string): readonly string[] {
    return this.#groups.get(key) ?? [];
  }

  /** Empties the index. */
  clear(): void {
    this.#groups.clear();
  }
}
