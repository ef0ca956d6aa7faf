import type { RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

import { EMF_METRICS, emfMetric } from './emf-metrics.js';
import type { InfraSettings } from './infra-settings.js';
import { ServiceAlarms } from './service-alarms.js';
import { ServiceFunction } from './service-function.js';
import { allowStripeSecretRead } from './stripe-secret-access.js';
import { allowTableActions } from './table-access.js';

/** Memory of the scheduled sync, in MB (it holds every customer id). */
export const SYNC_MEMORY_MB = 512;

/** Timeout of the scheduled sync, in seconds: Lambda's maximum. */
export const SYNC_TIMEOUT_SECONDS = 15 * 60;

/**
 * What the scheduled sync does with the customers table: scans the stored
 * ids, reads each customer by id and writes it back conditionally. It syncs
 * everyone, never one user, so it gets neither Query nor the index; it
 * replays no event, so it gets nothing on the events table or the bucket.
 */
export const SYNC_CUSTOMERS_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Scan',
] as const;

/** Name of the scheduled sync's function (and rule, and alarm prefix). */
export function scheduledSyncName(stage: string): string {
  return `stripe-scheduled-sync-${stage}`;
}

/** Properties of a {@link ScheduledSync}. */
export interface ScheduledSyncProps {
  readonly settings: InfraSettings;
  /** Entry file exporting the Lambda `handler`. */
  readonly entry: string;
  /** Folder holding `package-lock.json`. */
  readonly projectRoot: string;
  /** Variables `loadConfig()` reads: the same as the webhook's. */
  readonly environment: Readonly<Record<string, string>>;
  readonly customersTable: dynamodb.ITable;
  /** Where alarms are sent; none when absent. */
  readonly alarmTopic?: sns.ITopic | undefined;
  readonly logRemovalPolicy: RemovalPolicy;
}

/**
 * The scheduled reconciliation: a function syncing every customer with
 * Stripe (`src/entry/lambda/scheduled-sync.ts`), run by an EventBridge rule
 * on the stage's schedule, with alarms on its errors, on drift found (a
 * delivery was lost or failed for good) and on customers it could not sync.
 */
export class ScheduledSync extends Construct {
  readonly service: ServiceFunction;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: ScheduledSyncProps) {
    super(scope, id);
    const name = scheduledSyncName(props.settings.stage);

    this.service = new ServiceFunction(this, 'Sync', {
      serviceName: EMF_METRICS.driftFound.service,
      functionName: name,
      entry: props.entry,
      projectRoot: props.projectRoot,
      environment: props.environment,
      memoryMb: SYNC_MEMORY_MB,
      timeoutSeconds: SYNC_TIMEOUT_SECONDS,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    this.service.allow(
      allowTableActions({
        sid: 'SyncCustomersTable',
        table: props.customersTable,
        actions: SYNC_CUSTOMERS_ACTIONS,
      }),
    );
    this.service.allow(allowStripeSecretRead(this, props.settings.stage));

    this.rule = new events.Rule(this, 'Schedule', {
      ruleName: name,
      description: 'Syncs every customer with Stripe',
      schedule: events.Schedule.cron(props.settings.syncSchedule),
      targets: [new targets.LambdaFunction(this.service.function)],
    });

    const alarms = new ServiceAlarms(this, 'Watch', {
      namePrefix: name,
      topic: props.alarmTopic,
    });
    alarms.watchFunction(this.service.function);
    alarms.add({
      name: 'drift-found',
      metric: emfMetric(EMF_METRICS.driftFound),
      description:
        'The scheduled sync found customers whose stored state differed ' +
        'from Stripe (and rewrote them): a webhook delivery was lost or ' +
        'failed for good. See "customer drift" in its log group.',
    });
    alarms.add({
      name: 'sync-failures',
      metric: emfMetric(EMF_METRICS.syncFailures),
      description:
        'The scheduled sync could not sync some customers (Stripe or the ' +
        'table unavailable, contention); run billing sync for them.',
    });
  }
}
