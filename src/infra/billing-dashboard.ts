import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

import { EVENT_OUTCOMES, FAILED_OUTCOME } from '../webhook/webhook-metrics.js';
import { EMF_METRICS, emfMetric, webhookEventsSearch } from './emf-metrics.js';

/** Period of every graph on the dashboard. */
const GRAPH_PERIOD = Duration.minutes(5);

/** Period of the sync graphs: one run a day shows as one point. */
const SYNC_PERIOD = Duration.hours(1);

/** Name of a stage's dashboard. */
export function dashboardName(stage: string): string {
  return `stripe-billing-${stage}`;
}

/** A function shown on the dashboard, with its label. */
export interface DashboardFunction {
  readonly label: string;
  readonly function: lambda.IFunction;
}

/** Properties of a {@link BillingDashboard}. */
export interface BillingDashboardProps {
  readonly stage: string;
  /** Every function of the stage, for errors and throttles. */
  readonly functions: readonly DashboardFunction[];
  /** Requests refused for their signature, counted for this stage. */
  readonly signatureFailures: cloudwatch.IMetric;
}

/**
 * The stage's CloudWatch dashboard: webhook events by type and outcome,
 * failed deliveries, duplicates and stale events discarded, processing
 * latency (p50, p99), signature failures, errors and throttles of every
 * function, and the drift the scheduled sync found and fixed.
 */
export class BillingDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: BillingDashboardProps) {
    super(scope, id);

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: dashboardName(props.stage),
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      graph('Webhook events by type and outcome', [
        new cloudwatch.MathExpression({
          expression: webhookEventsSearch(GRAPH_PERIOD),
          label: '',
          period: GRAPH_PERIOD,
        }),
      ]),
      graph('Failed, duplicate and stale events', [
        outcomeTotal(FAILED_OUTCOME, 'Failed (answered 5xx)'),
        outcomeTotal(EVENT_OUTCOMES.duplicate, 'Duplicates'),
        outcomeTotal(EVENT_OUTCOMES.stale, 'Stale, discarded'),
      ]),
    );
    this.dashboard.addWidgets(
      graph('Processing latency (ms)', [
        emfMetric(EMF_METRICS.processingLatency, {
          statistic: 'p50',
          label: 'p50',
        }),
        emfMetric(EMF_METRICS.processingLatency, {
          statistic: 'p99',
          label: 'p99',
        }),
      ]),
      graph('Signature failures', [props.signatureFailures]),
    );
    this.dashboard.addWidgets(
      graph(
        'Lambda errors',
        props.functions.map((entry) =>
          entry.function.metricErrors({
            statistic: 'Sum',
            period: GRAPH_PERIOD,
            label: entry.label,
          }),
        ),
      ),
      graph(
        'Lambda throttles',
        props.functions.map((entry) =>
          entry.function.metricThrottles({
            statistic: 'Sum',
            period: GRAPH_PERIOD,
            label: entry.label,
          }),
        ),
      ),
    );
    this.dashboard.addWidgets(
      graph('Scheduled sync: drift found and fixed', [
        emfMetric(EMF_METRICS.driftFound, {
          period: SYNC_PERIOD,
          label: 'Drift found',
        }),
        emfMetric(EMF_METRICS.driftFixed, {
          period: SYNC_PERIOD,
          label: 'Drift fixed',
        }),
        emfMetric(EMF_METRICS.syncFailures, {
          period: SYNC_PERIOD,
          label: 'Failed',
        }),
      ]),
    );
  }
}

function graph(
  title: string,
  metrics: cloudwatch.IMetric[],
): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({
    title,
    left: metrics,
    width: 12,
    height: 6,
  });
}

function outcomeTotal(
  outcome: string,
  label: string,
): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: `SUM(${webhookEventsSearch(GRAPH_PERIOD, outcome)})`,
    label,
    period: GRAPH_PERIOD,
  });
}
