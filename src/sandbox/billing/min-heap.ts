interface Entry<T> {
  readonly priority: number;
  readonly value: T;
}

/** A binary min-heap of values, ordered by a number. */
export class MinHeap<T> {
  readonly #entries: Entry<T>[] = [];

  /** How many entries are waiting. */
  get size(): number {
    return this.#entries.length;
  }

  /** Adds an entry. */
  push(priority: number, value: T): void {
    this.#entries.push({ priority, value });
    let index = this.#entries.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.#priorityAt(parent) <= priority) break;
      this.#swap(parent, index);
      index = parent;
    }
  }

  /** The lowest priority waiting, if any. */
  peekPriority(): number | undefined {
    return this.#entries[0]?.priority;
  }

  /** Removes and returns the value with the lowest priority. */
  pop(): T | undefined {
    const entries = this.#entries;
    const top = entries[0];
    const last = entries.pop();
    if (!top || !last || entries.length === 0) return top?.value;
    entries[0] = last;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (this.#priorityAt(left) < this.#priorityAt(smallest)) smallest = left;
      if (this.#priorityAt(right) < this.#priorityAt(smallest)) {
        smallest = right;
      }
      if (smallest === index) break;
      this.#swap(smallest, index);
      index = smallest;
    }
    return top.value;
  }

  #priorityAt(index: number): number {
    return this.#entries[index]?.priority ?? Number.POSITIVE_INFINITY;
  }

  #swap(first: number, second: number): void {
    const entries = this.#entries;
    const held = entries[first] as Entry<T>;
    entries[first] = entries[second] as Entry<T>;
    entries[second] = held;
  }
}
