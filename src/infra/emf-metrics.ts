import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

import { METRICS_NAMESPACE } from './service-function.js';

/**
 * The metrics the functions publish in CloudWatch embedded metric format
 * (Powertools Metrics, namespace {@link METRICS_NAMESPACE}), by name. Each
 * carries the dimension `service` (the Powertools service name);
 * `WebhookEvents` also `eventType` and `outcome`. See
 * `src/webhook/powertools-webhook-metrics.ts` and `src/ops/sync-metrics.ts`;
 * `emf-metrics.test.ts` checks these against what the code writes.
 */
export const EMF_METRICS = {
  /** One per verified event; dimensions `eventType`, `outcome`. */
  webhookEvents: { service: 'webhook', name: 'WebhookEvents' },
  /** Milliseconds spent on one verified event. */
  processingLatency: { service: 'webhook', name: 'ProcessingLatency' },
  /** Requests refused for a missing or wrong signature. */
  signatureFailures: { service: 'webhook', name: 'SignatureFailures' },
  /** Customers whose stored state differed from Stripe's, per sync run. */
  driftFound: { service: 'scheduled-sync', name: 'DriftFound' },
  /** Of those, the ones rewritten. */
  driftFixed: { service: 'scheduled-sync', name: 'DriftFixed' },
  /** Customers a sync run could not check. */
  syncFailures: { service: 'scheduled-sync', name: 'SyncFailures' },
} as const;

/** One entry of {@link EMF_METRICS}. */
export type EmfMetric = (typeof EMF_METRICS)[keyof typeof EMF_METRICS];

/** Dimensions of `WebhookEvents`, in the order the code declares them. */
export const WEBHOOK_EVENT_DIMENSIONS = ['eventType', 'outcome'] as const;

/**
 * One EMF metric with its `service` dimension, for alarms and graphs.
 * Statistic and period as given (default sum over five minutes).
 */
export function emfMetric(
  metric: EmfMetric,
  options: cloudwatch.MetricOptions = {},
): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: metric.name,
    dimensionsMap: { service: metric.service },
    statistic: 'Sum',
    period: Duration.minutes(5),
    ...options,
  });
}

/**
 * A CloudWatch search for `WebhookEvents`, one line per event type and
 * outcome; with `outcome`, only that outcome (e.g. `duplicate`). Search
 * expressions can be graphed but not alarmed on.
 */
export function webhookEventsSearch(
  period: Duration,
  outcome?: string,
): string {
  const { service, name } = EMF_METRICS.webhookEvents;
  const schema = [METRICS_NAMESPACE, ...WEBHOOK_EVENT_DIMENSIONS, 'service'];
  const terms = [
    `MetricName="${name}"`,
    `service="${service}"`,
    ...(outcome === undefined ? [] : [`outcome="${outcome}"`]),
  ];
  return (
    `SEARCH('{${schema.join(',')}} ${terms.join(' ')}', 'Sum', ` +
    `${period.toSeconds()})`
  );
}
