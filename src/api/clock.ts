/** Where the billing API reads the time: milliseconds since the epoch. */
export type Clock = () => number;

/** The real clock. Tests pass their own. */
export const systemClock: Clock = () => Date.now();
