/** Any stored Stripe object: it has an id. */
export interface HasId {
  readonly id: string;
}

/**
 * Objects of one kind in creation order, with O(1) lookups by id and the
 * position each one holds, so that lists can page from a cursor without
 * scanning. Deleted objects leave a hole that lists skip.
 */
export class Collection<T extends HasId> {
  readonly #items: (T | undefined)[] = [];
  readonly #positions = new Map<string, number>();

  /**
   * @param onTouch told the id of every object added, looked up by id or
   * deleted: objects are changed in place after a lookup, so the journal
   * treats each one as possibly changed (see `StateJournal`).
   */
  constructor(private readonly onTouch: (id: string) => void = () => {}) {}

  /** How many objects are stored (deleted ones excluded). */
  get size(): number {
    return this.#positions.size;
  }

  /** Stores a new object after all others. */
  add(item: T): T {
    this.onTouch(item.id);
    this.#positions.set(item.id, this.#items.length);
    this.#items.push(item);
    return item;
  }

  /** The object with this id, if any. */
  get(id: string): T | undefined {
    this.onTouch(id);
    return this.peek(id);
  }

  /** The object with this id, for a read that changes nothing. */
  peek(id: string): T | undefined {
    const position = this.#positions.get(id);
    return position === undefined ? undefined : this.#items[position];
  }

  /** Whether an object with this id exists. */
  has(id: string): boolean {
    return this.#positions.has(id);
  }

  /** Removes an object; its place in the order is left empty. */
  delete(id: string): boolean {
    this.onTouch(id);
    const position = this.#positions.get(id);
    if (position === undefined) return false;
    this.#items[position] = undefined;
    this.#positions.delete(id);
    return true;
  }

  /** Creation position of an id, or -1 when unknown. */
  positionOf(id: string): number {
    return this.#positions.get(id) ?? -1;
  }

  /** The object at a creation position (holes give undefined). */
  at(position: number): T | undefined {
    return this.#items[position];
  }

  /** One past the last creation position. */
  get end(): number {
    return this.#items.length;
  }

  /** All live objects, oldest first. */
  *values(): IterableIterator<T> {
    for (const item of this.#items) if (item) yield item;
  }

  /** Empties the collection. */
  clear(): void {
    this.#items.length = 0;
    this.#positions.clear();
  }
}
