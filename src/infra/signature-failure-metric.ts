import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

import { METRICS_NAMESPACE } from './service-function.js';

/**
 * Error codes of a request that failed signature verification, as the
 * webhook logs them (`request refused` with field `code`; see
 * `src/webhook/errors.ts`): no header, or a header that did not verify.
 */
export const SIGNATURE_FAILURE_CODES = [
  'signature_missing',
  'signature_invalid',
] as const;

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
 * Counts the webhook's signature failures from its own log group (a metric
 * filter on the JSON `code` field), so an alarm can tell when Stripe's
 * deliveries stop verifying, e.g. after a webhook secret rotation. The
 * function also emits the EMF metric `SignatureFailures`, but with the
 * same dimensions in every stage; this count is per stage.
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
      filterPattern: logs.FilterPattern.any(
        ...SIGNATURE_FAILURE_CODES.map((code) =>
          logs.FilterPattern.stringValue('$.code', '=', code),
        ),
      ),
      metricNamespace: `${METRICS_NAMESPACE}/${props.stage}`,
      metricName: SIGNATURE_FAILURE_METRIC,
      metricValue: '1',
      defaultValue: 0,
    });
    this.metric = filter.metric({ statistic: 'Sum' });
  }
}
