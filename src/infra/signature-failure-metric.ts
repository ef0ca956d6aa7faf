import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

import { METRICS_NAMESPACE } from './service-function.js';

/**
 * The message the webhook logs when a request fails signature verification.
 * The webhook service and this metric filter must agree on it.
 */
export const SIGNATURE_FAILURE_MESSAGE = 'signature verification failed';

/** Name of the metric counting signature failures. */
export const SIGNATURE_FAILURE_METRIC = 'SignatureVerificationFailures';

/** Properties of a {@link SignatureFailureMetric}. */
export interface SignatureFailureMetricProps {
  /** The webhook function's log group. */
  readonly logGroup: logs.ILogGroup;
  /** Stage; part of the namespace so stages in one account stay apart. */
  readonly stage: string;
}

/**
 * Counts the webhook's signature failures from its log lines (a metric
 * filter on the JSON `message` field), so an alarm can tell when Stripe's
 * deliveries stop verifying, e.g. after a webhook secret rotation.
 */
export class SignatureFailureMetric extends Construct {
  /** Failures per period (sum). */
  readonly metric: cloudwatch.Metric;

  constructor(
    scope: Construct,
    id: string,
    props: SignatureFailureMetricProps,
  ) {
    super(scope, id);

    const filter = new logs.MetricFilter(this, 'Filter', {
      logGroup: props.logGroup,
      filterPattern: logs.FilterPattern.stringValue(
        '$.message',
        '=',
        SIGNATURE_FAILURE_MESSAGE,
      ),
      metricNamespace: `${METRICS_NAMESPACE}/${props.stage}`,
      metricName: SIGNATURE_FAILURE_METRIC,
      metricValue: '1',
      defaultValue: 0,
    });
    this.metric = filter.metric({ statistic: 'Sum' });
  }
}
