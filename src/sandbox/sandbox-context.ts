import type { EventRecorder } from './billing/event-recorder.js';
import { type SandboxClock, toUnixSeconds } from './clock.js';
import type { SandboxState } from './state/sandbox-state.js';

/** What happens to a subscription whose last payment retry failed. */
export type FailedPaymentBehaviour = 'cancel' | 'unpaid';

/** Billing settings of the sandbox (Stripe's Billing settings page). */
export interface BillingSettings {
  /** After the last failed retry; default `cancel`. */
  readonly failedPaymentBehaviour: FailedPaymentBehaviour;
  /**
   * Days after the first failed renewal payment when it is retried (a
   * simple Smart Retries schedule); default 3, 5 and 7.
   */
  readonly retryScheduleDays: readonly number[];
}

/** Default {@link BillingSettings}. */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  failedPaymentBehaviour: 'cancel',
  retryScheduleDays: [3, 5, 7],
};

/** Everything billing code and routes share: state, time, events. */
export class SandboxContext {
  #baseUrl = 'http://127.0.0.1';

  constructor(
    readonly state: SandboxState,
    readonly events: EventRecorder,
    readonly clock: SandboxClock,
    readonly settings: BillingSettings,
    private readonly onChange: () => void,
  ) {}

  /** Wall-clock time in unix seconds. */
  now(): number {
    return toUnixSeconds(this.clock());
  }

  /** Time seen by objects on a test clock (its frozen time), else now. */
  timeOf(testClockId: string | null | undefined): number {
    if (!testClockId) return this.now();
    const clock = this.state.testClocks.get(testClockId);
    return clock ? clock.frozen_time : this.now();
  }

  /** Time seen by a customer's objects. */
  timeOfCustomer(customerId: string): number {
    const customer = this.state.customers.get(customerId);
    return this.timeOf(customer?.test_clock as string | null | undefined);
  }

  /** Base URL of hosted pages, e.g. `http://127.0.0.1:12111`. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /** Sets the base URL once the server knows its port. */
  setBaseUrl(url: string): void {
    this.#baseUrl = url;
  }

  /** Notes that state changed, so a snapshot gets written. */
  markChanged(): void {
    this.onChange();
  }
}
