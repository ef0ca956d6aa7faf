import { parameterInvalid } from '../errors.js';
import type { ParamReader } from './param-reader.js';

/**
 * Reads an optional http(s) URL parameter, refusing anything else as
 * Stripe does ("Not a valid URL"): hosted pages link to these URLs, so a
 * `javascript:` one must never get through.
 */
export function readUrl(reader: ParamReader, name: string): string | null {
  const value = reader.string(name);
  if (value === undefined || value === null) return null;
  const isValid = URL.canParse(value) && /^https?:\/\//i.test(value);
  if (!isValid) {
    throw parameterInvalid(name, `Not a valid URL: ${name}`, 'url_invalid');
  }
  return value;
}
