import {
  CloudWatchClient,
  type MetricAlarm,
  paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import type Stripe from 'stripe';

import type { AppConfig } from '../../config/app-config.js';
import { SECRET_KEYS } from '../../config/stripe-secrets.js';
import { checkPrices } from '../../ops/doctor/check-prices.js';
import { type CheckResult, fail, skip } from '../../ops/doctor/check-result.js';
import {
  makeStripeClient,
  translateStripeError,
} from '../../stripe/make-stripe-client.js';
import { handledEventTypes } from '../handled-event-types.js';
import type { SecretStore } from '../secret-store.js';
import { alarmPrefixes, checkAlarms } from './check-alarms.js';
import { checkLiveEndpoint } from './check-live-endpoint.js';
import { checkLiveKeys } from './check-live-keys.js';
import { checkProductionUrls } from './check-production-urls.js';

/** What {@link runLiveDoctor} checks with. */
export interface LiveDoctorOptions {
  readonly config: AppConfig;
  /** Where the deployed functions' Stripe secrets are kept. */
  readonly store: SecretStore;
  /** The deployed webhook URL; any live endpoint counts when absent. */
  readonly url?: string | undefined;
  /** CloudWatch client; tests pass one backed by `aws-sdk-client-mock`. */
  readonly cloudWatch?: CloudWatchClient | undefined;
  /** Current time in milliseconds since the epoch. */
  readonly now: number;
}

/**
 * The go-live checklist: live keys and webhook secret in the store,
 * every configured price live in Stripe, a live endpoint subscribed to
 * the handled events, origins and redirects on the production domain,
 * and the stacks' alarms in place. Never throws for what it checks; no
 * result holds a secret value.
 */
export async function runLiveDoctor(
  options: LiveDoctorOptions,
): Promise<CheckResult[]> {
  const { config, store } = options;
  const values = await store.read();
  const results = [checkLiveKeys(values, store.description, options.now)];

  const secretKey = values[SECRET_KEYS.secretKey];
  if (secretKey) {
    const stripe = makeStripeClient({
      secretKey,
      apiBase: config.stripe.apiBase,
      maxNetworkRetries: 0,
    });
    results.push(...(await checkPrices(stripe, config.plans, 'live')));
    results.push(await checkEndpoint(stripe, options.url));
  } else {
    results.push(skip('Prices and webhook endpoint', 'needs a secret key'));
  }

  results.push(...checkProductionUrls(config));
  results.push(await checkStackAlarms(options));
  return results;
}

async function checkEndpoint(
  stripe: Stripe,
  url: string | undefined,
): Promise<CheckResult> {
  try {
    const endpoints = await stripe.webhookEndpoints
      .list({ limit: 100 })
      .autoPagingToArray({ limit: 10_000 });
    return checkLiveEndpoint(endpoints, handledEventTypes(), url);
  } catch (error) {
    const translated = translateStripeError(error, 'listing webhook endpoints');
    return fail(
      'Live webhook endpoint registered with the handled events',
      translated instanceof Error ? translated.message : String(translated),
      'Check the secret key and the network, then run again.',
    );
  }
}

async function checkStackAlarms(
  options: LiveDoctorOptions,
): Promise<CheckResult> {
  const client =
    options.cloudWatch ??
    new CloudWatchClient({ region: options.config.aws.region });
  const alarms: MetricAlarm[] = [];
  try {
    for (const prefix of alarmPrefixes(options.config.stage)) {
      const pages = paginateDescribeAlarms(
        { client },
        { AlarmNamePrefix: prefix, AlarmTypes: ['MetricAlarm'] },
      );
      for await (const page of pages) alarms.push(...(page.MetricAlarms ?? []));
    }
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    return fail(
      'Alarms in place and notifying',
      `CloudWatch DescribeAlarms failed (${name})`,
      'Run with AWS credentials of the production account allowed ' +
        'cloudwatch:DescribeAlarms, in the region of the stacks.',
    );
  }
  return checkAlarms(alarms, options.config.stage);
}
