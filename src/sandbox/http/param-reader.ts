import { parameterInvalid, parameterMissing } from '../errors.js';
import type { StripeParams } from './parse-stripe-params.js';

/**
 * Typed access to a request's parameters, answering Stripe's errors
 * (`parameter_missing`, `parameter_invalid_integer`, ...) on bad input.
 * Names are full parameter paths such as `subscription_data[metadata]`.
 */
export class ParamReader {
  constructor(
    readonly params: StripeParams,
    readonly prefix = '',
  ) {}

  /** Whether the parameter was sent at all. */
  has(name: string): boolean {
    return this.params[name] !== undefined;
  }

  /** A reader for a nested object parameter (empty when absent). */
  nested(name: string): ParamReader {
    const value = this.params[name];
    if (value === undefined || value === '') {
      return new ParamReader({}, this.#path(name));
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw parameterInvalid(
        this.#path(name),
        `Invalid object: ${this.#path(name)} must be an object.`,
        'parameter_invalid_object',
      );
    }
    return new ParamReader(value as StripeParams, this.#path(name));
  }

  /** Readers for the entries of an array parameter (`items[0][price]`). */
  list(name: string): ParamReader[] {
    const value = this.params[name];
    if (value === undefined || value === '') return [];
    if (!Array.isArray(value)) {
      throw parameterInvalid(
        this.#path(name),
        `Invalid array: ${this.#path(name)} must be an array.`,
        'parameter_invalid_array',
      );
    }
    return value.map(
      (entry, index) =>
        new ParamReader(
          (typeof entry === 'object' && entry !== null
            ? entry
            : {}) as StripeParams,
          `${this.#path(name)}[${index}]`,
        ),
    );
  }

  /** A string parameter; empty strings read as null (Stripe's unset). */
  string(name: string): string | undefined | null {
    const value = this.params[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      throw parameterInvalid(
        this.#path(name),
        `Invalid string: ${this.#path(name)} must be a string.`,
      );
    }
    return value === '' ? null : value;
  }

  /** A string parameter that must be present and not empty. */
  requiredString(name: string): string {
    const value = this.string(name);
    if (!value) throw parameterMissing(this.#path(name));
    return value;
  }

  /** A whole number, e.g. `limit` or `trial_period_days`. */
  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined || value === null) return undefined;
    if (!/^-?\d+$/.test(value)) {
      throw parameterInvalid(
        this.#path(name),
        `Invalid integer: ${value}`,
        'parameter_invalid_integer',
      );
    }
    return Number(value);
  }

  /** `true` or `false`. */
  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined || value === null) return undefined;
    if (value !== 'true' && value !== 'false') {
      throw parameterInvalid(
        this.#path(name),
        `Invalid boolean: ${value}`,
        'parameter_invalid_boolean',
      );
    }
    return value === 'true';
  }

  /** A list of strings sent as `name[]=a&name[]=b` (or `name[0]=a`). */
  strings(name: string): string[] | undefined {
    const value = this.params[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value === '' ? [] : [value];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw parameterInvalid(
        this.#path(name),
        `Invalid array: ${this.#path(name)} must be a list of strings.`,
        'parameter_invalid_array',
      );
    }
    return value as string[];
  }

  /**
   * Metadata as sent: string values; an empty value (or an empty
   * `metadata`) means "remove", which {@link mergeMetadata} applies.
   */
  metadata(name = 'metadata'): Record<string, string> | null | undefined {
    const value = this.params[name];
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw parameterInvalid(
        this.#path(name),
        'Invalid metadata: it must be a hash of string keys and values.',
        'parameter_invalid_object',
      );
    }
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, entry] of entries) {
      if (typeof entry !== 'string') {
        throw parameterInvalid(
          `${this.#path(name)}[${key}]`,
          'Invalid metadata value: it must be a string.',
        );
      }
    }
    return value as Record<string, string>;
  }

  #path(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }
}

/** Applies metadata sent in an update: empty values remove keys. */
export function mergeMetadata(
  current: Record<string, string>,
  update: Record<string, string> | null | undefined,
): Record<string, string> {
  if (update === undefined) return current;
  if (update === null) return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
