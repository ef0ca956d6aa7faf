import * as events from 'aws-cdk-lib/aws-events';
import { describe, expect, it } from 'vitest';

import { InfraSettingError } from './errors.js';
import { DEFAULT_SYNC_SCHEDULE, parseSyncSchedule } from './sync-schedule.js';

function roundTrip(expression: string): string {
  return events.Schedule.cron(parseSyncSchedule(expression)).expressionString;
}

describe('Function: parseSyncSchedule', () => {
  it('gives back the default daily 03:00 UTC expression unchanged', () => {
    const expression = roundTrip(DEFAULT_SYNC_SCHEDULE);

    expect(expression).toBe('cron(0 3 * * ? *)');
  });

  it('accepts the six fields without the cron() wrapper', () => {
    const expression = roundTrip('30 1 ? * MON-FRI *');

    expect(expression).toBe('cron(30 1 ? * MON-FRI *)');
  });

  it('keeps a day of month when the weekday is ?', () => {
    const expression = roundTrip('cron(15 4 1,15 * ? *)');

    expect(expression).toBe('cron(15 4 1,15 * ? *)');
  });

  it('refuses five fields, naming SYNC_SCHEDULE', () => {
    const parse = () => parseSyncSchedule('0 3 * * *');

    expect(parse).toThrow(InfraSettingError);
    expect(parse).toThrow(/^Invalid deployment setting: SYNC_SCHEDULE /);
  });

  it('refuses a rate expression', () => {
    expect(() => parseSyncSchedule('rate(1 day)')).toThrow(/six cron fields/);
  });

  it('refuses a day and a weekday both set, or both ?', () => {
    expect(() => parseSyncSchedule('0 3 1 * MON *')).toThrow(
      /exactly one of day and weekday/,
    );
    expect(() => parseSyncSchedule('0 3 ? * ? *')).toThrow(
      /exactly one of day and weekday/,
    );
  });

  it('refuses characters EventBridge does not know', () => {
    expect(() => parseSyncSchedule('0 3 * * ? *; rm')).toThrow(
      /six cron fields/,
    );
  });
});
