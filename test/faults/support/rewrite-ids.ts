/**
 * Gives a JSON value new ids: every occurrence of each listed id gets
 * `suffix` appended, so one Stripe lifecycle can be replayed many times
 * as if it were about different customers, with fresh event ids.
 */
export function rewriteIds<T>(
  value: T,
  ids: readonly string[],
  suffix: string,
): T {
  let text = JSON.stringify(value);
  for (const id of ids) text = text.split(`"${id}"`).join(`"${id}${suffix}"`);
  return JSON.parse(text) as T;
}

/** The inverse of {@link rewriteIds} for one id. */
export function originalId(id: string, suffix: string): string {
  return id.endsWith(suffix) ? id.slice(0, -suffix.length) : id;
}

/** Every order of `items` (n! of them), in lexicographic order of index. */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map(
      (rest) => [item, ...rest],
    ),
  );
}
