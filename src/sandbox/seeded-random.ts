/** A source of numbers in [0, 1), reproducible when seeded. */
export type RandomSource = () => number;

/**
 * Makes a small seeded pseudo-random generator (mulberry32). Not for
 * secrets: it only makes chaos runs reproducible.
 */
export function makeSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
