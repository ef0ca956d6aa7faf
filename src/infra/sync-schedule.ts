import type * as events from 'aws-cdk-lib/aws-events';

import { InfraSettingError } from './errors.js';

/** When the scheduled sync runs unless told otherwise: daily, 03:00 UTC. */
export const DEFAULT_SYNC_SCHEDULE = 'cron(0 3 * * ? *)';

/** The characters EventBridge allows in one cron field. */
const CRON_FIELD = /^[0-9A-Za-z*?,\-/#]+$/;

/** EventBridge's "no value" marker for day of month or day of week. */
const NO_VALUE = '?';

/**
 * Reads the scheduled sync's EventBridge cron expression, given as
 * `cron(<minutes> <hours> <day> <month> <weekday> <year>)` or just the six
 * fields, in UTC. One of day and weekday must be `?`, as EventBridge
 * requires. Returns the fields for `Schedule.cron`; throws
 * {@link InfraSettingError} naming `SYNC_SCHEDULE` on anything else.
 */
export function parseSyncSchedule(expression: string): events.CronOptions {
  const inner = /^cron\((.*)\)$/.exec(expression.trim())?.[1] ?? expression;
  const fields = inner.trim().split(/\s+/);
  const [minute, hour, day, month, weekDay, year] = fields;
  if (
    fields.length !== 6 ||
    minute === undefined ||
    hour === undefined ||
    day === undefined ||
    month === undefined ||
    weekDay === undefined ||
    year === undefined ||
    !fields.every((field) => CRON_FIELD.test(field))
  ) {
    throw invalid(expression, 'six cron fields');
  }
  if ((day === NO_VALUE) === (weekDay === NO_VALUE)) {
    throw invalid(expression, 'exactly one of day and weekday set to ?');
  }
  return {
    minute,
    hour,
    month,
    year,
    ...(day === NO_VALUE ? { weekDay } : { day }),
  };
}

function invalid(expression: string, expected: string): InfraSettingError {
  return new InfraSettingError(
    'SYNC_SCHEDULE',
    `has ${JSON.stringify(expression)}; expected ${expected}, e.g. ` +
      `${DEFAULT_SYNC_SCHEDULE} (UTC)`,
  );
}
