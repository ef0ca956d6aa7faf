import { makeSeededRandom, type RandomSource } from '../seeded-random.js';

/**
 * Chaos settings for webhook deliveries, to prove a receiver copes with
 * what Stripe allows: duplicates, delays, any order, and losses. Rates are
 * probabilities in [0, 1]; the seed makes a run reproducible.
 */
export interface ChaosSettings {
  readonly seed: number;
  /** Chance that a delivery is sent twice; default 0. */
  readonly duplicateRate?: number | undefined;
  /** Chance that a delivery is held back; default 0. */
  readonly delayRate?: number | undefined;
  /** Longest hold-back in milliseconds; default 2 000. */
  readonly maxDelayMs?: number | undefined;
  /** Chance that a delivery jumps the queue; default 0. */
  readonly reorderRate?: number | undefined;
  /** Chance that a delivery is never sent (counts as failed); default 0. */
  readonly dropRate?: number | undefined;
}

/** What chaos decided for one delivery. */
export interface ChaosDecision {
  readonly isDropped: boolean;
  readonly copies: number;
  /** Hold-back in milliseconds, 0 for none. */
  readonly delayMs: number;
  /** Queue position to insert at, or null to append. */
  readonly jumpTo: number | null;
}

/** Draws chaos decisions from a seeded random source. */
export class Chaos {
  readonly #random: RandomSource;

  constructor(private readonly settings: ChaosSettings) {
    this.#random = makeSeededRandom(settings.seed);
  }

  /** Decides the fate of one delivery, given the current queue length. */
  decide(queueLength: number): ChaosDecision {
    const settings = this.settings;
    const isDropped = this.#random() < (settings.dropRate ?? 0);
    const copies = this.#random() < (settings.duplicateRate ?? 0) ? 2 : 1;
    const isDelayed = this.#random() < (settings.delayRate ?? 0);
    const delayRoll = this.#random();
    const isReordered = this.#random() < (settings.reorderRate ?? 0);
    const positionRoll = this.#random();
    return {
      isDropped,
      copies,
      delayMs: isDelayed
        ? Math.ceil(delayRoll * (settings.maxDelayMs ?? 2000))
        : 0,
      jumpTo: isReordered ? Math.floor(positionRoll * (queueLength + 1)) : null,
    };
  }
}
