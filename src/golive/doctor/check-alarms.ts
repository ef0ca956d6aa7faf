import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';

import { type CheckResult, fail, pass } from '../../ops/doctor/check-result.js';

/**
 * The alarms the stacks define that going live depends on, by alarm-name
 * prefix (the stack name): failures of each function, 5xx answers, and
 * refused webhook signatures.
 */
export function requiredAlarmNames(stage: string): string[] {
  const webhook = `stripe-webhook-${stage}`;
  const api = `stripe-billing-api-${stage}`;
  return [
    `${webhook}-lambda-errors`,
    `${webhook}-api-5xx`,
    `${webhook}-signature-failures`,
    `${api}-lambda-errors`,
    `${api}-api-5xx`,
  ];
}

/** The alarm-name prefixes of a stage's stacks. */
export function alarmPrefixes(stage: string): string[] {
  return [`stripe-webhook-${stage}-`, `stripe-billing-api-${stage}-`];
}

const LABEL = 'Alarms in place and notifying';

/**
 * Checks that every required alarm exists, has its actions enabled, and
 * notifies someone (an alarm action such as the stack's SNS topic).
 */
export function checkAlarms(
  alarms: readonly MetricAlarm[],
  stage: string,
): CheckResult {
  const byName = new Map(alarms.map((alarm) => [alarm.AlarmName, alarm]));
  const missing = requiredAlarmNames(stage).filter((name) => !byName.has(name));
  if (missing.length > 0) {
    return fail(
      LABEL,
      `missing ${missing.join(', ')}`,
      `Deploy the stacks of stage ${stage} (npm run deploy) in this ` +
        'account and region.',
    );
  }
  const silent = requiredAlarmNames(stage).filter((name) => {
    const alarm = byName.get(name);
    return !alarm?.ActionsEnabled || (alarm.AlarmActions ?? []).length === 0;
  });
  if (silent.length > 0) {
    return fail(
      LABEL,
      `no one is notified by ${silent.join(', ')}`,
      'Enable the alarm actions and subscribe to the alarm topic.',
    );
  }
  return pass(LABEL, `${byName.size} alarms`);
}
