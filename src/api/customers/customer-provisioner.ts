import { createHash, randomUUID } from 'node:crypto';

import pRetry from 'p-retry';

import type { CustomerStore } from '../../domain/customer-store.js';
import type { AppLogger } from '../../shared/logger.js';
import type {
  UserClaim,
  UserClaimStore,
} from '../../storage/dynamo/user-claim-store.js';
import { RevisionConflictError } from '../../storage/errors.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { Clock } from '../clock.js';
import { CheckoutInProgressError } from '../errors.js';
import type { BillingStripeGateway } from '../stripe/billing-stripe-gateway.js';

/** How long requests wait for another one creating the same customer. */
export interface ClaimWaitOptions {
  /** Retries after the first look; default 6. */
  readonly retries?: number;
  /** First wait in milliseconds, doubled each retry; default 100. */
  readonly minTimeoutMs?: number;
  /** Longest single wait in milliseconds; default 1000. */
  readonly maxTimeoutMs?: number;
  /** Length of the claim's lease in milliseconds; default 30 000. */
  readonly leaseMs?: number;
  /**
   * Waits the given milliseconds between looks. Tests pass one that does
   * not sleep; by default p-retry waits with its own timer.
   */
  readonly delay?: (ms: number) => Promise<void>;
}

/** What {@link CustomerProvisioner} works with. */
export interface CustomerProvisionerDeps {
  readonly claims: UserClaimStore;
  readonly customers: CustomerStore;
  readonly stripe: BillingStripeGateway;
  readonly clock: Clock;
  readonly wait?: ClaimWaitOptions;
  /** Logs each customer created, by user id and customer id. */
  readonly logger?: AppLogger;
}

/**
 * Makes sure a user has exactly one Stripe customer, however many requests
 * ask at once. The request that wins the user's claim (a conditional write)
 * creates the customer with an idempotency key derived from the user id,
 * stores its record and records its id on the claim; the others look again
 * with backoff until the id appears, or give up with
 * {@link CheckoutInProgressError}. When the recorded customer was deleted
 * in Stripe, one request reopens the claim and creates a replacement, with
 * a key derived from the user id and the deleted customer's id.
 */
export class CustomerProvisioner {
  readonly #deps: CustomerProvisionerDeps;

  constructor(deps: CustomerProvisionerDeps) {
    this.#deps = deps;
  }

  /** Returns the user's customer id, creating the customer if needed. */
  async ensureCustomer(user: AuthenticatedUser): Promise<string> {
    const linked = await this.#deps.customers.findCustomersByUserId(
      user.userId,
    );
    const existing = linked.find((record) => record.deleted !== true);
    if (existing) return existing.customerId;

    const leaseOwner = randomUUID();
    const wait = this.#deps.wait ?? {};
    const minTimeout = wait.minTimeoutMs ?? 100;
    const maxTimeout = wait.maxTimeoutMs ?? 1000;
    const delay = wait.delay;
    return pRetry(() => this.#tryOnce(user, leaseOwner), {
      retries: wait.retries ?? 6,
      factor: 2,
      minTimeout: delay ? 0 : minTimeout,
      maxTimeout,
      shouldRetry: ({ error }) => error instanceof CheckoutInProgressError,
      onFailedAttempt: async ({ attemptNumber, retriesLeft }) => {
        if (!delay || retriesLeft === 0) return;
        await delay(
          Math.min(maxTimeout, minTimeout * 2 ** (attemptNumber - 1)),
        );
      },
    });
  }

  async #tryOnce(user: AuthenticatedUser, leaseOwner: string) {
    const { claims, customers } = this.#deps;
    const claim = await claims.getClaim(user.userId);
    const recordedId = claim?.stripeCustomerId;
    if (recordedId) {
      const record = await customers.getCustomer(recordedId);
      if (record?.deleted !== true) return recordedId;
    }

    const lease = { userId: user.userId, leaseOwner, ...this.#leaseTimes() };
    const held = recordedId
      ? await claims.replaceCustomer({
          ...lease,
          deletedCustomerId: recordedId,
        })
      : await claims.acquireClaim(lease);
    if (!held) throw new CheckoutInProgressError();
    try {
      return await this.#createCustomer(user, held);
    } catch (error) {
      await claims.releaseClaim(user.userId, leaseOwner).catch(() => {});
      throw error;
    }
  }

  #leaseTimes() {
    return {
      nowMs: this.#deps.clock(),
      leaseMs: this.#deps.wait?.leaseMs ?? 30_000,
    };
  }

  async #createCustomer(
    user: AuthenticatedUser,
    claim: UserClaim,
  ): Promise<string> {
    const { claims, customers, stripe, clock } = this.#deps;
    const { customerId } = await stripe.createCustomer(
      { userId: user.userId, email: user.email },
      customerIdempotencyKey(user.userId, claim.replacedCustomerId),
    );

    const now = new Date(clock()).toISOString();
    try {
      await customers.saveCustomer({
        customerId,
        userId: user.userId,
        email: user.email,
        subscriptions: {},
        revision: 1,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      // The webhook may have stored the customer first; its record wins.
      if (!(error instanceof RevisionConflictError)) throw error;
    }

    await claims.recordCustomer(user.userId, customerId);
    this.#deps.logger?.info('customer created', {
      userId: user.userId,
      customerId,
      replacedCustomerId: claim.replacedCustomerId,
    });
    return customerId;
  }
}

/**
 * The idempotency key of a user's customer creation: the same for every
 * request of the user, so retries and racing requests get one customer.
 * A replacement for a deleted customer mixes in that customer's id, so
 * Stripe creates a new customer instead of answering with the deleted one.
 * Hashed to keep it short and free of the raw user id.
 */
export function customerIdempotencyKey(
  userId: string,
  replacedCustomerId?: string,
): string {
  const hash = createHash('sha256').update(userId);
  if (replacedCustomerId) hash.update(`\0${replacedCustomerId}`);
  return `billing-api-customer-${hash.digest('hex')}`;
}
