import { parameterInvalid, resourceMissing } from '../errors.js';
import type { HasId } from '../state/collection.js';
import type { ParamReader } from './param-reader.js';

/** Stripe's default page size. */
export const DEFAULT_PAGE_SIZE = 10;

/** Stripe's largest page size. */
export const MAX_PAGE_SIZE = 100;

/** Objects in creation order, read by position (holes allowed). */
export interface Sequence<T> {
  readonly end: number;
  at(position: number): T | undefined;
  positionOf(id: string): number;
}

/** One page of a list, in Stripe's shape. */
export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** A sequence over a list of ids, resolving each through a lookup. */
export function idSequence<T>(
  ids: readonly string[],
  lookup: (id: string) => T | undefined,
): Sequence<T> {
  return {
    end: ids.length,
    at: (position) => {
      const id = ids[position];
      return id === undefined ? undefined : lookup(id);
    },
    positionOf: (id) => ids.indexOf(id),
  };
}

/**
 * Pages through a sequence newest first, as Stripe lists do: `limit`
 * (1..100, default 10), `starting_after` (older than the cursor) and
 * `ending_before` (newer than the cursor), with `has_more`. Only objects
 * that pass `filter` count.
 */
export function paginate<T extends HasId>(
  sequence: Sequence<T>,
  reader: ParamReader,
  url: string,
  filter: (item: T) => boolean = () => true,
): ListPage<T> {
  const limit = readLimit(reader);
  const startingAfter = reader.string('starting_after');
  const endingBefore = reader.string('ending_before');
  if (endingBefore) {
    const cursor = cursorPosition(sequence, endingBefore, 'ending_before');
    return pageForward(sequence, cursor + 1, limit, url, filter);
  }
  const start = startingAfter
    ? cursorPosition(sequence, startingAfter, 'starting_after') - 1
    : sequence.end - 1;
  return pageBackward(sequence, start, limit, url, filter);
}

function readLimit(reader: ParamReader): number {
  const limit = reader.integer('limit') ?? DEFAULT_PAGE_SIZE;
  if (limit < 1 || limit > MAX_PAGE_SIZE) {
    throw parameterInvalid(
      'limit',
      `Invalid limit: must be between 1 and ${MAX_PAGE_SIZE}.`,
      'parameter_invalid_integer',
    );
  }
  return limit;
}

function cursorPosition<T>(
  sequence: Sequence<T>,
  id: string,
  param: string,
): number {
  const position = sequence.positionOf(id);
  if (position < 0) throw resourceMissing('object', id, param);
  return position;
}

function pageBackward<T>(
  sequence: Sequence<T>,
  start: number,
  limit: number,
  url: string,
  filter: (item: T) => boolean,
): ListPage<T> {
  const data: T[] = [];
  let position = start;
  for (; position >= 0 && data.length < limit; position -= 1) {
    const item = sequence.at(position);
    if (item !== undefined && filter(item)) data.push(item);
  }
  let hasMore = false;
  for (; position >= 0 && !hasMore; position -= 1) {
    const item = sequence.at(position);
    hasMore = item !== undefined && filter(item);
  }
  return { object: 'list', data, has_more: hasMore, url };
}

function pageForward<T>(
  sequence: Sequence<T>,
  start: number,
  limit: number,
  url: string,
  filter: (item: T) => boolean,
): ListPage<T> {
  const data: T[] = [];
  let position = start;
  for (; position < sequence.end && data.length < limit; position += 1) {
    const item = sequence.at(position);
    if (item !== undefined && filter(item)) data.push(item);
  }
  let hasMore = false;
  for (; position < sequence.end && !hasMore; position += 1) {
    const item = sequence.at(position);
    hasMore = item !== undefined && filter(item);
  }
  return { object: 'list', data: data.reverse(), has_more: hasMore, url };
}
