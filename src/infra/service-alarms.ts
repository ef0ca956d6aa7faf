import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Period every alarm evaluates, in minutes. */
export const ALARM_PERIOD_MINUTES = 5;

/** Properties of {@link ServiceAlarms}. */
export interface ServiceAlarmsProps {
  /** Prefix of every alarm name, e.g. `stripe-webhook-prod`. */
  readonly namePrefix: string;
  /** Where alarms and recoveries are sent; none when absent. */
  readonly topic?: sns.ITopic | undefined;
}

/** One alarm to add: a metric that must stay below a threshold. */
export interface AlarmSpec {
  /** Suffix of the alarm name, e.g. `lambda-errors`. */
  readonly name: string;
  readonly metric: cloudwatch.IMetric;
  /** What the alarm means and what to look at. */
  readonly description: string;
  /** The alarm fires at this value or more. @default 1 */
  readonly threshold?: number;
}

/**
 * The alarms of one service. Each fires when its metric reaches the
 * threshold within one {@link ALARM_PERIOD_MINUTES}-minute period, treats
 * missing data as fine (quiet stages have no traffic), and notifies the
 * topic on alarm and on recovery.
 */
export class ServiceAlarms extends Construct {
  readonly #props: ServiceAlarmsProps;

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    this.#props = props;
  }

  /** Alarms on a function's errors and throttles. */
  watchFunction(fn: lambda.IFunction): void {
    const period = Duration.minutes(ALARM_PERIOD_MINUTES);
    this.add({
      name: 'lambda-errors',
      metric: fn.metricErrors({ period, statistic: 'Sum' }),
      description: 'The function threw or timed out; see its log group.',
    });
    this.add({
      name: 'lambda-throttles',
      metric: fn.metricThrottles({ period, statistic: 'Sum' }),
      description: 'Invocations were throttled: concurrency is exhausted.',
    });
  }

  /** Alarm on answers with status 5xx from an API stage. */
  watchServerErrors(stage: apigw.IHttpStage): void {
    this.add({
      name: 'api-5xx',
      metric: stage.metricServerError({
        period: Duration.minutes(ALARM_PERIOD_MINUTES),
        statistic: 'Sum',
      }),
      description:
        'The API answered 5xx; callers (Stripe retries) are seeing failures.',
    });
  }

  /** Alarm on throttled requests to a table, for the operations used. */
  watchTable(
    name: string,
    table: dynamodb.ITable,
    operations: readonly dynamodb.Operation[],
  ): void {
    this.add({
      name: `${name}-throttles`,
      metric: table.metricThrottledRequestsForOperations({
        operations: [...operations],
        period: Duration.minutes(ALARM_PERIOD_MINUTES),
      }),
      description: `Requests to the ${name} table were throttled.`,
    });
  }

  /** Adds one alarm, wired to the topic when there is one. */
  add(spec: AlarmSpec): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, toConstructId(spec.name), {
      alarmName: `${this.#props.namePrefix}-${spec.name}`,
      alarmDescription: spec.description,
      metric: spec.metric,
      threshold: spec.threshold ?? 1,
      evaluationPeriods: 1,
      comparisonOperator:
        cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const topic = this.#props.topic;
    if (topic !== undefined) {
      alarm.addAlarmAction(new actions.SnsAction(topic));
      alarm.addOkAction(new actions.SnsAction(topic));
    }
    return alarm;
  }
}

function toConstructId(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
