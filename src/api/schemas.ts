import { z } from '@hono/zod-openapi';

import { BILLING_INTERVALS } from '../domain/plan.js';

/** Most seats or units one checkout may ask for. */
export const MAX_QUANTITY = 100;

/** The error answer of every endpoint. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'unknown_plan' }),
      message: z.string(),
      details: z.array(z.string()).optional(),
    }),
  })
  .openapi('Error');

const PlanPriceSchema = z.object({
  interval: z.enum(BILLING_INTERVALS),
  amount: z.number().int().openapi({
    description: "In the currency's smallest unit (cents for usd).",
    example: 2900,
  }),
  currency: z.string().openapi({ example: 'usd' }),
});

/** `GET /api/billing/config`. */
export const BillingConfigSchema = z
  .object({
    publishableKey: z.string().openapi({ example: 'pk_test_123' }),
    plans: z.array(
      z.object({
        key: z.string().openapi({ example: 'pro' }),
        name: z.string().openapi({ example: 'Pro' }),
        trialDays: z.number().int().nullable(),
        prices: z.array(PlanPriceSchema),
        entitlements: z.array(z.string()),
      }),
    ),
  })
  .openapi('BillingConfig');

/**
 * `POST /api/billing/checkout-session` body. Strict: a price ID or redirect
 * URL sent by the client is refused, never used.
 */
export const CheckoutRequestSchema = z
  .strictObject({
    plan: z.string().min(1).max(64).openapi({ example: 'pro' }),
    interval: z.enum(BILLING_INTERVALS),
    quantity: z.number().int().min(1).max(MAX_QUANTITY).optional().openapi({
      description: 'Seats or units; default 1.',
    }),
  })
  .openapi('CheckoutRequest');

/** A created checkout session. */
export const CheckoutSessionSchema = z
  .object({
    id: z.string().openapi({ example: 'cs_test_123' }),
    url: z.string().openapi({ description: 'Send the browser here.' }),
  })
  .openapi('CheckoutSession');

/** A created portal session. */
export const PortalSessionSchema = z
  .object({ url: z.string() })
  .openapi('PortalSession');

/** `GET /api/billing/subscription`. */
export const SubscriptionSchema = z
  .object({
    status: z.string().openapi({
      description: "Stripe's subscription status, or none.",
      example: 'active',
    }),
    plan: z.string().nullable(),
    priceId: z.string().nullable(),
    interval: z.enum(BILLING_INTERVALS).nullable(),
    quantity: z.number().int(),
    currentPeriodEnd: z.string().nullable().openapi({
      description: 'ISO 8601.',
    }),
    cancelAtPeriodEnd: z.boolean(),
    trialEnd: z.string().nullable().openapi({ description: 'ISO 8601.' }),
    entitlements: z.array(z.string()),
    hasAccess: z.boolean(),
  })
  .openapi('Subscription');

/** `GET /api/billing/invoices`. */
export const InvoiceListSchema = z
  .object({
    invoices: z.array(
      z.object({
        id: z.string(),
        number: z.string().nullable(),
        amountDue: z.number().int(),
        amountPaid: z.number().int(),
        currency: z.string(),
        status: z.string().nullable(),
        created: z.string().openapi({ description: 'ISO 8601.' }),
        hostedInvoiceUrl: z.string().nullable(),
      }),
    ),
  })
  .openapi('InvoiceList');

/** Error answers, keyed by status, for route definitions. */
export function errorResponses<const S extends readonly number[]>(
  ...statuses: S
) {
  const descriptions: Record<number, string> = {
    400: 'The request is invalid (see error.code and error.details).',
    401: 'The bearer token is missing or invalid.',
    404: 'The caller has no billing account yet.',
    409: 'The request conflicts with the caller’s billing state.',
    413: 'The request body is larger than the API accepts.',
    415: 'The request body is not JSON.',
    502: 'Stripe did not complete the request.',
    503: 'The store is unavailable; retry later.',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'Error.',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  ) as Record<
    S[number],
    {
      description: string;
      content: { 'application/json': { schema: typeof ErrorSchema } };
    }
  >;
}
