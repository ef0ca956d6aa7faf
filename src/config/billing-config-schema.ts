// zod/mini: the same validation as zod's classic API, in a form a bundler
// can tree-shake, so the webhook bundle does not carry all of zod for it.
import { en } from 'zod/locales';
import * as z from 'zod/mini';

import { BILLING_INTERVALS } from '../domain/plan.js';
import { SUBSCRIPTION_STATUSES } from '../domain/subscription-status.js';

// zod/mini carries no messages of its own; load the English ones that the
// classic API loads, so a bad setting is named with the same words.
z.config(en());

/** The placeholder Stripe replaces with the checkout session id. */
export const CHECKOUT_SESSION_ID_PLACEHOLDER = '{CHECKOUT_SESSION_ID}';

const httpUrl = z.string().check(
  z.refine(
    (value) => {
      try {
        const url = new URL(
          value.replace(CHECKOUT_SESSION_ID_PLACEHOLDER, 'x'),
        );
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    },
    { message: 'must be an absolute http(s) URL' },
  ),
);

/** An origin as browsers send it: scheme, host and optional port only. */
export const originSchema = z.string().check(
  z.refine(
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
  ),
);

const priceSchema = z.object({
  /** The Stripe price ID (`price_...`). */
  id: z.string().check(
    z.regex(/^price_[A-Za-z0-9_]+$/, {
      message: 'must be a Stripe price ID starting with price_',
    }),
  ),
  /** Amount in the currency's smallest unit (cents for usd). */
  amount: z.int().check(z.nonnegative()),
  /** Three-letter ISO currency code, lowercase. */
  currency: z.string().check(
    z.regex(/^[a-z]{3}$/, {
      message: 'must be a lowercase three-letter currency code like usd',
    }),
  ),
});

const planSchema = z.object({
  key: z.string().check(
    z.regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, {
      message: 'must be lowercase letters, digits, - or _',
    }),
  ),
  name: z.string().check(z.minLength(1)),
  entitlements: z._default(z.array(z.string().check(z.minLength(1))), []),
  trialDays: z.optional(z.int().check(z.minimum(1), z.maximum(730))),
  prices: z
    .object({
      month: z.optional(priceSchema),
      year: z.optional(priceSchema),
    })
    .check(
      z.refine(
        (prices) => prices.month !== undefined || prices.year !== undefined,
        { message: 'must offer at least one interval (month or year)' },
      ),
    ),
});

const DEFAULT_GRANTING_STATUSES: (typeof SUBSCRIPTION_STATUSES)[number][] = [
  'active',
  'trialing',
  'past_due',
];

const accessSchema = z.object({
  grantingStatuses: z._default(
    z.array(z.enum(SUBSCRIPTION_STATUSES)),
    DEFAULT_GRANTING_STATUSES,
  ),
  pastDueGraceDays: z._default(z.int().check(z.minimum(0), z.maximum(90)), 7),
});

const checkoutSchema = z.object({
  allowPromotionCodes: z._default(z.boolean(), false),
  automaticTax: z._default(z.boolean(), false),
});

/**
 * The billing configuration file: the product's plans and rules. It is the
 * same in every stage; what differs per stage comes from the environment.
 */
export const billingConfigSchema = z
  .object({
    plans: z.array(planSchema).check(z.minLength(1)),
    urls: z.object({
      checkoutSuccess: httpUrl.check(
        z.refine((value) => value.includes(CHECKOUT_SESSION_ID_PLACEHOLDER), {
          message: `must contain ${CHECKOUT_SESSION_ID_PLACEHOLDER}`,
        }),
      ),
      checkoutCancel: httpUrl,
      portalReturn: httpUrl,
    }),
    allowedOrigins: z._default(z.array(originSchema), []),
    access: z._default(accessSchema, {
      grantingStatuses: DEFAULT_GRANTING_STATUSES,
      pastDueGraceDays: 7,
    }),
    checkout: z._default(checkoutSchema, {
      allowPromotionCodes: false,
      automaticTax: false,
    }),
  })
  .check(
    z.superRefine((config, ctx) => {
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
    }),
  );

/** The billing configuration file, as validated. */
export type BillingConfig = z.infer<typeof billingConfigSchema>;
