/** The verdicts of one doctor check. */
export const CHECK_STATES = {
  pass: 'pass',
  fail: 'fail',
  /** Not checked because a check it depends on failed. */
  skip: 'skip',
} as const;

/** A verdict of {@link CHECK_STATES}. */
export type CheckState = (typeof CHECK_STATES)[keyof typeof CHECK_STATES];

/**
 * One line of the doctor's checklist. `detail` says what was found and
 * `fix` what to do; neither ever holds a secret value.
 */
export interface CheckResult {
  readonly label: string;
  readonly state: CheckState;
  readonly detail?: string | undefined;
  readonly fix?: string | undefined;
}

/** A passed check. */
export function pass(label: string, detail?: string): CheckResult {
  return { label, state: CHECK_STATES.pass, detail };
}

/** A failed check, with what was found and the fix. */
export function fail(label: string, detail: string, fix: string): CheckResult {
  return { label, state: CHECK_STATES.fail, detail, fix };
}

/** A check not run, and the reason. */
export function skip(label: string, detail: string): CheckResult {
  return { label, state: CHECK_STATES.skip, detail };
}
