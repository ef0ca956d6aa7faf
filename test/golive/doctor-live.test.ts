import { writeFile } from 'node:fs/promises';

import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/config/load-config.js';
import {
  checkAlarms,
  requiredAlarmNames,
} from '../../src/golive/doctor/check-alarms.js';
import { checkLiveEndpoint } from '../../src/golive/doctor/check-live-endpoint.js';
import { checkLiveKeys } from '../../src/golive/doctor/check-live-keys.js';
import { checkProductionUrls } from '../../src/golive/doctor/check-production-urls.js';
import { handledEventTypes } from '../../src/golive/handled-event-types.js';
import { billingConfig, GoLiveHarness, NOW_MS } from './golive-harness.js';

const cloudWatch = mockClient(CloudWatchClient);

const LIVE_VALUES = {
  STRIPE_SECRET_KEY: 'sk_live_abc',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_live',
};

function alarm(name: string, patch: Partial<MetricAlarm> = {}): MetricAlarm {
  return {
    AlarmName: name,
    ActionsEnabled: true,
    AlarmActions: ['arn:aws:sns:us-east-1:1:alarms'],
    ...patch,
  };
}

function endpoint(patch: Partial<Stripe.WebhookEndpoint>) {
  return {
    id: 'we_1',
    url: 'https://hooks.example.com/webhook',
    livemode: true,
    status: 'enabled',
    enabled_events: handledEventTypes(),
    ...patch,
  } as Stripe.WebhookEndpoint;
}

function configWith(patch: Record<string, unknown>) {
  const text = JSON.stringify({ ...billingConfig(), ...patch });
  return loadConfig({ env: { BILLING_CONFIG: text, STAGE: 'prod' } });
}

describe('Function: checkLiveKeys', () => {
  it('passes live keys with a webhook secret', () => {
    expect(checkLiveKeys(LIVE_VALUES, 'store', NOW_MS).state).toBe('pass');
  });

  it('fails test keys', () => {
    const values = {
      ...LIVE_VALUES,
      STRIPE_SECRET_KEY: 'sk_test_abc',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_abc',
    };

    const result = checkLiveKeys(values, 'store', NOW_MS);

    expect(result).toMatchObject({ state: 'fail' });
    expect(result.detail).toContain('test-mode keys');
  });

  it('fails a missing webhook secret and points at setup webhook', () => {
    const { STRIPE_WEBHOOK_SECRET: _, ...values } = LIVE_VALUES;

    const result = checkLiveKeys(values, 'store', NOW_MS);

    expect(result.state).toBe('fail');
    expect(result.fix).toContain('setup webhook');
  });
});

describe('Function: checkLiveEndpoint', () => {
  const url = 'https://hooks.example.com/webhook';

  it('passes an enabled live endpoint with every handled event', () => {
    const result = checkLiveEndpoint([endpoint({})], handledEventTypes(), url);

    expect(result.state).toBe('pass');
  });

  it.each([
    ['a test-mode endpoint', endpoint({ livemode: false }), 'test mode'],
    ['a disabled endpoint', endpoint({ status: 'disabled' }), 'disabled'],
    [
      'an endpoint missing an event',
      endpoint({ enabled_events: ['invoice.paid'] }),
      'checkout.session.completed, customer.deleted',
    ],
    [
      'an endpoint for another URL',
      endpoint({ url: 'https://old.example.com/webhook' }),
      'no endpoint is registered',
    ],
  ])('fails %s', (_name, given, detail) => {
    const result = checkLiveEndpoint([given], handledEventTypes(), url);

    expect(result.state).toBe('fail');
    expect(result.detail).toContain(detail);
  });
});

describe('Function: checkProductionUrls', () => {
  it('passes https origins and redirects on a public domain', () => {
    const results = checkProductionUrls(configWith({}));

    expect(results.map((result) => result.state)).toEqual(['pass', 'pass']);
  });

  it.each([
    ['http origin', { allowedOrigins: ['http://app.example.com'] }, 0],
    ['localhost origin', { allowedOrigins: ['https://localhost:3000'] }, 0],
    ['no origin', { allowedOrigins: [] }, 0],
    [
      'loopback redirect',
      {
        urls: {
          ...billingConfig().urls,
          portalReturn: 'http://127.0.0.1:4242/',
        },
      },
      1,
    ],
  ])('fails a %s', (_name, patch, index) => {
    const results = checkProductionUrls(configWith(patch));

    expect(results[index]?.state).toBe('fail');
  });
});

describe('Function: checkAlarms', () => {
  const all = requiredAlarmNames('prod').map((name) => alarm(name));

  it('passes when every required alarm notifies', () => {
    expect(checkAlarms(all, 'prod').state).toBe('pass');
  });

  it('fails when an alarm is missing, naming it', () => {
    const result = checkAlarms(all.slice(1), 'prod');

    expect(result.state).toBe('fail');
    expect(result.detail).toContain('stripe-webhook-prod-lambda-errors');
  });

  it('fails when an alarm notifies no one', () => {
    const silent = [
      ...all.slice(1),
      alarm('stripe-webhook-prod-lambda-errors', { AlarmActions: [] }),
    ];

    expect(checkAlarms(silent, 'prod').detail).toContain('no one is notified');
  });
});

describe('Command: doctor --live', () => {
  let harness: GoLiveHarness;

  beforeEach(async () => {
    harness = await GoLiveHarness.start();
    cloudWatch.reset();
  });

  afterEach(async () => {
    await harness.stop();
  });

  it('fails each check against a test-mode setup on localhost, with its fix', async () => {
    await writeFile(
      harness.envFile,
      'STRIPE_SECRET_KEY=sk_test_golive_suite\n' +
        'STRIPE_PUBLISHABLE_KEY=pk_test_golive_suite\n',
    );
    const env = harness.env({ ALLOWED_ORIGINS: 'http://localhost:4242' });
    await harness.run(
      ['setup', 'plans', '--write', '--env-file', harness.envFile],
      env,
    );
    await harness.run(
      [
        'setup',
        'webhook',
        '--url',
        harness.receiverUrl,
        '--env-file',
        harness.envFile,
      ],
      env,
    );
    cloudWatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [] });

    const run = await harness.run(
      ['doctor', '--live', '--env-file', harness.envFile],
      env,
    );

    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const failed = lines.filter((line) => line.startsWith('FAIL'));
    expect(failed.join('\n')).toContain('test-mode keys');
    expect(failed.join('\n')).toContain('it is not a live-mode price');
    expect(failed.join('\n')).toContain('is in test mode');
    expect(failed.join('\n')).toContain('origin http://localhost:4242');
    expect(failed.join('\n')).toContain('missing stripe-webhook-dev');
    expect(lines.filter((line) => line.includes('fix:')).length).toBe(
      failed.length,
    );
    expect(run.stdout).not.toContain('sk_test_golive_suite');
    expect(cloudWatch.commandCalls(DescribeAlarmsCommand)).toHaveLength(2);
  });

  it('fails the alarm check with the permission to grant when CloudWatch refuses', async () => {
    cloudWatch.on(DescribeAlarmsCommand).rejects(new Error('AccessDenied'));

    const run = await harness.run(
      ['doctor', '--live', '--env-file', harness.envFile],
      harness.env(),
    );

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('cloudwatch:DescribeAlarms');
  });
});
