import { type Command, Option } from 'commander';

import type { CustomerSyncResult } from '../../ops/customer-reconciler.js';
import { runSync, type SyncSummary } from '../../ops/run-sync.js';
import type { SyncTarget } from '../../ops/sync-targets.js';
import type { CliCommand } from '../cli-command.js';
import type { CliContext } from '../cli-context.js';
import { EXIT_CODES } from '../cli-io.js';
import { countParser } from '../option-parsers.js';
import { formatValue } from './format-value.js';

/** Progress is printed every this many customers on long runs. */
const PROGRESS_EVERY = 25;

interface SyncOptions {
  readonly customer?: string;
  readonly user?: string;
  readonly dryRun?: boolean;
  readonly concurrency: number;
  readonly json?: boolean;
}

/**
 * `billing sync`: reconciles stored state from Stripe for everyone or one
 * customer / user, and reports the drift it found and fixed.
 */
export const syncCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    program
      .command('sync')
      .description(
        'Reconcile stored customers from Stripe (everyone by default) and ' +
          'report each field that differed. Safe while webhooks flow.',
      )
      .addOption(
        new Option(
          '--customer <id>',
          'only this Stripe customer (cus_...)',
        ).conflicts('user'),
      )
      .option('--user <userId>', 'only the customers linked to this user')
      .option('--dry-run', 'report drift without writing anything')
      .option(
        '--concurrency <n>',
        'customers synced at once',
        countParser(16),
        4,
      )
      .option('--json', 'print the report as JSON')
      .addHelpText(
        'after',
        '\nExit code 1 when drift remains (dry run) or a customer failed.',
      )
      .action((options: SyncOptions) => runSyncCommand(context, options));
  },
};

async function runSyncCommand(
  context: CliContext,
  options: SyncOptions,
): Promise<void> {
  const services = await context.services(true);
  const ids = await services.resolveTargets(targetOf(options));
  const syncId = `sync_${new Date(context.now()).toISOString()}`;
  const summary = await runSync(services.makeReconciler(syncId), ids, {
    isDryRun: options.dryRun ?? false,
    concurrency: options.concurrency,
    onProgress: (done, total) => {
      if (
        total >= PROGRESS_EVERY &&
        (done % PROGRESS_EVERY === 0 || done === total)
      ) {
        context.note(`synced ${done}/${total} customers`);
      }
    },
  });

  if (options.json) context.print(JSON.stringify(summary, null, 2));
  else printSummary(context, summary, options.dryRun ?? false);
  const isClean =
    summary.failed === 0 && summary.driftFound === summary.driftFixed;
  context.report(isClean ? EXIT_CODES.ok : EXIT_CODES.failure);
}

function targetOf(options: SyncOptions): SyncTarget {
  if (options.customer)
    return { kind: 'customer', customerId: options.customer };
  if (options.user) return { kind: 'user', userId: options.user };
  return { kind: 'all' };
}

function printSummary(
  context: CliContext,
  summary: SyncSummary,
  isDryRun: boolean,
): void {
  for (const result of summary.results) {
    if (result.status !== 'in_sync') printResult(context, result);
  }
  const fixed = isDryRun
    ? 'dry run, nothing written'
    : `${summary.driftFixed} fixed`;
  context.print(
    `Checked ${summary.checked} customers: ${summary.inSync} in sync, ` +
      `${summary.driftFound} with drift (${fixed}), ${summary.failed} failed.`,
  );
}

function printResult(context: CliContext, result: CustomerSyncResult): void {
  const label = result.status === 'drift' ? 'drift found' : result.status;
  context.print(`${result.customerId}  ${label}`);
  if (result.error) context.print(`  error: ${result.error}`);
  for (const change of result.changes) {
    context.print(
      `  ${change.field}: ${formatValue(change.stored)} -> ${formatValue(change.stripe)}`,
    );
  }
}
