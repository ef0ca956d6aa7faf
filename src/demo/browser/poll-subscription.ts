import pRetry from 'p-retry';

import type { SubscriptionState } from '../../client/index.js';

/**
 * Backoff of the polling after a return from Stripe: the first retry after
 * 250 ms, doubling up to 4 s between reads, for about 60 s in all. A busy
 * machine or a slow delivery may take many seconds to confirm.
 */
export const POLL_BACKOFF = {
  minTimeout: 250,
  maxTimeout: 4_000,
  factor: 2,
  maxRetryTime: 60_000,
} as const;

/** The state read last was not the awaited one yet. */
class NotYetError extends Error {
  readonly state: SubscriptionState;

  constructor(state: SubscriptionState) {
    super('The subscription has not changed yet.');
    this.state = state;
  }
}

/** What {@link pollSubscription} reads with and reports to. */
export interface PollOptions {
  /** Reads the user's subscription (the billing API). */
  readonly read: () => Promise<SubscriptionState>;
  /** Whether a state is the one awaited. */
  readonly isDone: (state: SubscriptionState) => boolean;
  /** Called with each state read, to show it while waiting. */
  readonly onRead: (state: SubscriptionState) => void;
}

/**
 * Reads the subscription until `isDone` holds or {@link POLL_BACKOFF}'s
 * time runs out, and answers the last state read (which may not be done).
 * Errors of the billing API are not retried: they are thrown.
 */
export async function pollSubscription(
  options: PollOptions,
): Promise<SubscriptionState> {
  try {
    return await pRetry(
      async () => {
        const state = await options.read();
        options.onRead(state);
        if (!options.isDone(state)) throw new NotYetError(state);
        return state;
      },
      {
        ...POLL_BACKOFF,
        retries: Number.POSITIVE_INFINITY,
        randomize: true,
        shouldRetry: ({ error }) => error instanceof NotYetError,
      },
    );
  } catch (error) {
    if (error instanceof NotYetError) return error.state;
    throw error;
  }
}
