import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { Command } from 'commander';

import { runLiveDoctor } from '../../golive/doctor/run-live-doctor.js';
import type { CheckResult } from '../../ops/doctor/check-result.js';
import type { CliContext } from '../cli-context.js';
import { EXIT_CODES } from '../cli-io.js';
import {
  envFileOption,
  openStore,
  type StoreOptions,
  storeOption,
} from './setup-options.js';

/** The options `doctor` takes for its go-live checklist. */
export interface DoctorLiveOptions extends StoreOptions {
  readonly live?: boolean;
  readonly url?: string;
}

const MARKS = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

/** Adds `--live` and what it needs to the `doctor` command. */
export function addDoctorLiveOptions(doctor: Command): Command {
  return doctor
    .option(
      '--live',
      'run the go-live checklist instead: live keys, live prices, live ' +
        'webhook endpoint, production URLs, alarms',
    )
    .option('--url <endpoint>', 'with --live: the deployed webhook URL')
    .addOption(storeOption())
    .addOption(envFileOption());
}

/**
 * `billing doctor --live`: prints each go-live check as PASS or FAIL with
 * its fix, and reports exit code 1 when any check fails.
 */
export async function runDoctorLive(
  context: CliContext,
  options: DoctorLiveOptions,
  cloudWatch?: CloudWatchClient,
): Promise<void> {
  const { config, store } = openStore(context, options);
  const results = await runLiveDoctor({
    config,
    store,
    url: options.url,
    cloudWatch,
    now: context.now(),
  });
  for (const result of results) printCheck(context, result);
  const failed = results.filter((result) => result.state === 'fail').length;
  context.print(
    failed === 0
      ? 'Ready to go live.'
      : `${failed} of ${results.length} go-live checks failed.`,
  );
  context.report(failed === 0 ? EXIT_CODES.ok : EXIT_CODES.failure);
}

function printCheck(context: CliContext, result: CheckResult): void {
  const detail = result.detail ? ` (${result.detail})` : '';
  context.print(`${MARKS[result.state]} ${result.label}${detail}`);
  if (result.fix) context.print(`     fix: ${result.fix}`);
}
