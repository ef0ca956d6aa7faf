/**
 * An object's state just before a change, taken cheaply: top-level
 * primitives as they are, nested values as JSON text. It gives Stripe's
 * `previous_attributes` once the change is made.
 */
export class BeforeImage {
  readonly #primitives = new Map<string, unknown>();
  readonly #nested = new Map<string, string>();

  constructor(object: object) {
    for (const [key, value] of Object.entries(object)) {
      if (typeof value === 'object' && value !== null) {
        this.#nested.set(key, JSON.stringify(value));
      } else {
        this.#primitives.set(key, value);
      }
    }
  }

  /** The former value of every top-level key whose value changed. */
  previousAttributes(after: object): Record<string, unknown> {
    const previous: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(after)) {
      const isNested = typeof value === 'object' && value !== null;
      const nested = this.#nested.get(key);
      if (nested !== undefined) {
        if (!isNested || JSON.stringify(value) !== nested) {
          previous[key] = JSON.parse(nested) as unknown;
        }
      } else if (isNested || this.#primitives.get(key) !== value) {
        previous[key] = this.#primitives.get(key) ?? null;
      }
    }
    return previous;
  }
}

/** Takes the state of an object before changing it. */
export function captureBefore(object: object): BeforeImage {
  return new BeforeImage(object);
}
