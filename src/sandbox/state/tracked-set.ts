/** A set of ids that tells `onTouch` each id added or deleted. */
export class TrackedSet extends Set<string> {
  readonly #onTouch: (id: string) => void;

  constructor(onTouch: (id: string) => void) {
    super();
    this.#onTouch = onTouch;
  }

  override add(id: string): this {
    this.#onTouch(id);
    return super.add(id);
  }

  override delete(id: string): boolean {
    this.#onTouch(id);
    return super.delete(id);
  }
}
