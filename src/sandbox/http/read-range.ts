import { parameterInvalid } from '../errors.js';
import type { ParamReader } from './param-reader.js';

/**
 * Reads a timestamp filter such as `created` (an exact unix time) or
 * `created[gte]`, `created[gt]`, `created[lt]`, `created[lte]`, and gives
 * the test it stands for.
 */
export function readRange(
  reader: ParamReader,
  name: string,
): (value: number) => boolean {
  const raw = reader.params[name];
  if (raw === undefined) return () => true;
  if (typeof raw === 'string') {
    const exact = reader.integer(name);
    return (value) => value === exact;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw parameterInvalid(name, `Invalid ${name} filter.`);
  }
  const range = reader.nested(name);
  const gt = range.integer('gt');
  const gte = range.integer('gte');
  const lt = range.integer('lt');
  const lte = range.integer('lte');
  return (value) =>
    (gt === undefined || value > gt) &&
    (gte === undefined || value >= gte) &&
    (lt === undefined || value < lt) &&
    (lte === undefined || value <= lte);
}
