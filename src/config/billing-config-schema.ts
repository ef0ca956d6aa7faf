import { z } from 'zod';

import { BILLING_INTERVALS } from '../domain/plan.js';
import { SUBSCRIPTION_STATUSES } from '../domain/subscription-status.js';

/** The placeholder Stripe replaces with the checkout session id. */
export const CHECKOUT_SESSION_ID_PLACEHOLDER = '{CHECKOUT_SESSION_ID}';

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value.replace(CHECKOUT_SESSION_ID_PLACEHOLDER, 'x'));
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  },
  { message: 'must be an absolute http(s) URL' },
);

/** An origin as browsers send it: scheme, host and optional port only. */
export const originSchema = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.origin === value
      );
    } catch {
      return false;
    }
  },
  { message: 'must be an origin like https://app.example.com (no path)' },
);

const priceSchema = z.object({
  /** The Stripe price ID (`price_...`). */
  id: z.string().regex(/^price_[A-Za-z0-9_]+$/, {
    message: 'must be a Stripe price ID starting with price_',
  }),
  /** Amount in the currency's smallest unit (cents for usd). */
  amount: z.number().int().nonnegative(),
  /** Three-letter ISO currency code, lowercase. */
  currency: z.string().regex(/^[a-z]{3}$/, {
    message: 'must be a lowercase three-letter currency code like usd',
  }),
});

const planSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, {
    message: 'must be lowercase letters, digits, - or _',
  }),
  name: z.string().min(1),
  entitlements: z.array(z.string().min(1)).default([]),
  trialDays: z.number().int().min(1).max(730).optional(),
  prices: z
    .object({
      month: priceSchema.optional(),
      year: priceSchema.optional(),
    })
    .refine(
      (prices) => prices.month !== undefined || prices.year !== undefined,
      {
        message: 'must offer at least one interval (month or year)',
      },
    ),
});

/**
 * The billing configuration file: the product's plans and rules. It is the
 * same in every stage; what differs per stage comes from the environment.
 */
export const billingConfigSchema = z
  .object({
    plans: z.array(planSchema).min(1),
    urls: z.object({
      checkoutSuccess: httpUrl.refine(
        (value) => value.includes(CHECKOUT_SESSION_ID_PLACEHOLDER),
        { message: `must contain ${CHECKOUT_SESSION_ID_PLACEHOLDER}` },
      ),
      checkoutCancel: httpUrl,
      portalReturn: httpUrl,
    }),
    allowedOrigins: z.array(originSchema).default([]),
    access: z
      .object({
        grantingStatuses: z
          .array(z.enum(SUBSCRIPTION_STATUSES))
          .default(['active', 'trialing', 'past_due']),
        pastDueGraceDays: z.number().int().min(0).max(90).default(7),
      })
      .default({
        grantingStatuses: ['active', 'trialing', 'past_due'],
        pastDueGraceDays: 7,
      }),
    checkout: z
      .object({
        allowPromotionCodes: z.boolean().default(false),
        automaticTax: z.boolean().default(false),
      })
      .default({ allowPromotionCodes: false, automaticTax: false }),
  })
  .superRefine((config, ctx) => {
    const keys = new Set<string>();
    const priceIds = new Set<string>();
    config.plans.forEach((plan, index) => {
      if (keys.has(plan.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['plans', index, 'key'],
          message: `duplicates plan key ${plan.key}`,
        });
      }
      keys.add(plan.key);
      for (const interval of BILLING_INTERVALS) {
        const price = plan.prices[interval];
        if (price === undefined) continue;
        if (priceIds.has(price.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['plans', index, 'prices', interval, 'id'],
            message: `reuses price ${price.id} of another plan or interval`,
          });
        }
        priceIds.add(price.id);
      }
    });
  });

/** The billing configuration file, as validated. */
export type BillingConfig = z.infer<typeof billingConfigSchema>;
