import type { Command } from 'commander';

import type { CheckResult } from '../../ops/doctor/check-result.js';
import { runDoctor } from '../../ops/doctor/run-doctor.js';
import type { CliCommand } from '../cli-command.js';
import type { CliContext } from '../cli-context.js';
import { EXIT_CODES, type ExitCode } from '../cli-io.js';
import {
  addDoctorLiveOptions,
  type DoctorLiveOptions,
  runDoctorLive,
} from './doctor-live.js';

const MARKS = { pass: '✓', fail: '✗', skip: '-' } as const;

/** `billing doctor`: checks the configuration end to end. */
export const doctorCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    addDoctorLiveOptions(program.command('doctor'))
      .description(
        'Check the configuration end to end (keys, webhook secret, prices ' +
          'in Stripe, tables, bucket, origins, URLs) and print a checklist.',
      )
      .addHelpText(
        'after',
        '\nExit code 2 when the configuration cannot load, 1 when any ' +
          'other check fails.',
      )
      .action(async (options: DoctorLiveOptions) => {
        if (options.live) return runDoctorLive(context, options);
        const results = await runDoctor(context.io.env);
        for (const result of results) printCheck(context, result);
        const failed = results.filter((result) => result.state === 'fail');
        context.print(
          failed.length === 0
            ? 'All checks passed.'
            : `${failed.length} of ${results.length} checks failed.`,
        );
        context.report(exitCodeOf(results));
      });
  },
};

/**
 * 2 when the configuration itself failed (`runDoctor` answers that check
 * first, and skips the rest), as every other command answers a
 * configuration it cannot load; 1 when a later check failed.
 */
function exitCodeOf(results: readonly CheckResult[]): ExitCode {
  if (results[0]?.state === 'fail') return EXIT_CODES.usage;
  const hasFailed = results.some((result) => result.state === 'fail');
  return hasFailed ? EXIT_CODES.failure : EXIT_CODES.ok;
}

function printCheck(context: CliContext, result: CheckResult): void {
  const detail = result.detail ? ` (${result.detail})` : '';
  context.print(`${MARKS[result.state]} ${result.label}${detail}`);
  if (result.fix) context.print(`    fix: ${result.fix}`);
}
