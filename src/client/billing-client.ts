import type {
  BillingConfig,
  CheckoutRequest,
  CheckoutSession,
  Invoice,
  SubscriptionState,
} from './billing-client-types.js';

/** A fetch-compatible function (the browser's `fetch`, or `app.request`). */
export type FetchLike = (
  input: string,
  init?: RequestInit,
) => Promise<Response>;

/** Options of {@link BillingClient}. */
export interface BillingClientOptions {
  /** Where the billing API lives, e.g. `https://api.example.com`. */
  readonly baseUrl: string;
  /**
   * Returns the signed-in user's bearer token (from your identity
   * provider); called before every authenticated request.
   */
  readonly getToken: () => string | Promise<string>;
  /** Default: the global `fetch`. */
  readonly fetch?: FetchLike;
}

/**
 * A failed call: `code` is the API's error code (`unauthorized`,
 * `already_subscribed`, `no_customer`, ...), or `network_error` when the
 * API could not be reached. `status` is 0 for network errors.
 */
export class BillingApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Field-level problems of an `invalid_request`. */
  readonly details: readonly string[];

  constructor(
    code: string,
    status: number,
    message: string,
    details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'BillingApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/**
 * A small typed client of the billing API for frontends. It has no
 * dependencies and uses only `fetch`, so it runs in browsers and Node.
 */
export class BillingClient {
  readonly #baseUrl: string;
  readonly #getToken: () => string | Promise<string>;
  readonly #fetch: FetchLike;

  constructor(options: BillingClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#getToken = options.getToken;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** The publishable key and the plans on offer (no token needed). */
  getConfig(): Promise<BillingConfig> {
    return this.#call('GET', '/api/billing/config', { isPublic: true });
  }

  /** Starts a checkout; send the browser to the returned `url`. */
  startCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    return this.#call('POST', '/api/billing/checkout-session', {
      body: request,
    });
  }

  /** The user's subscription and whether it grants access. */
  getSubscription(): Promise<SubscriptionState> {
    return this.#call('GET', '/api/billing/subscription');
  }

  /** Opens the billing portal; send the browser to the returned `url`. */
  openPortal(): Promise<{ readonly url: string }> {
    return this.#call('POST', '/api/billing/portal');
  }

  /** The user's newest invoices, newest first. */
  async listInvoices(): Promise<readonly Invoice[]> {
    const page = await this.#call<{ invoices: Invoice[] }>(
      'GET',
      '/api/billing/invoices',
    );
    return page.invoices;
  }

  async #call<T>(
    method: 'GET' | 'POST',
    path: string,
    options: { isPublic?: boolean; body?: unknown } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (!options.isPublic) {
      headers.authorization = `Bearer ${await this.#getToken()}`;
    }
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
    }

    let response: Response;
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, {
        method,
        headers,
        ...(options.body === undefined
          ? {}
          : { body: JSON.stringify(options.body) }),
      });
    } catch (error) {
      throw new BillingApiError(
        'network_error',
        0,
        `The billing API could not be reached: ${String(error)}`,
      );
    }
    if (!response.ok) throw await toError(response);
    return (await response.json()) as T;
  }
}

async function toError(response: Response): Promise<BillingApiError> {
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; details?: string[] } }
    | undefined;
  return new BillingApiError(
    body?.error?.code ?? 'http_error',
    response.status,
    body?.error?.message ?? `The billing API answered ${response.status}.`,
    body?.error?.details ?? [],
  );
}
