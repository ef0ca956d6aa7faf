import type { Command } from 'commander';

import { isSettled, type ReplayResult } from '../../ops/event-replayer.js';
import { queryLedger } from '../../ops/ledger-query.js';
import { LEDGER_STATUSES } from '../../webhook/event-ledger.js';
import type { CliCommand } from '../cli-command.js';
import type { CliContext } from '../cli-context.js';
import { EXIT_CODES } from '../cli-io.js';
import { sinceParser } from '../option-parsers.js';
import { printReplayResult } from './print-replay-result.js';

interface ReplayOptions {
  readonly failed?: boolean;
  readonly since?: number;
}

/**
 * `billing replay`: fetches events from Stripe and processes them through
 * the webhook's own path, one by id or every failed one of the ledger.
 */
export const replayCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    program
      .command('replay')
      .description(
        'Fetch an event from Stripe and process it as a delivery would ' +
          '(exactly once: an event already done is reported duplicate).',
      )
      .argument('[eventId]', 'the event to replay (evt_...)')
      .option('--failed', 'replay every event the ledger marks failed')
      .option(
        '--since <time>',
        'with --failed: only events Stripe created since an ISO time or a ' +
          'duration (24h, 7d)',
        sinceParser(context.now),
      )
      .addHelpText(
        'after',
        '\nExamples:\n  billing replay evt_1Q...\n  billing replay --failed --since 7d',
      )
      .action(async (eventId: string | undefined, options: ReplayOptions) => {
        const command = program.commands.find((c) => c.name() === 'replay');
        if ((eventId === undefined) === (options.failed !== true)) {
          command?.error('give either an event id or --failed', {
            exitCode: EXIT_CODES.usage,
            code: 'billing.usage',
          });
        }
        const results = eventId
          ? [await replayOne(context, eventId)]
          : await replayFailed(context, options.since);
        const isClean = results.every(isSettled);
        context.report(isClean ? EXIT_CODES.ok : EXIT_CODES.failure);
      });
  },
};

async function replayOne(
  context: CliContext,
  eventId: string,
): Promise<ReplayResult> {
  const services = await context.services(true);
  const result = await services.replayer.replay(eventId);
  printReplayResult(context, result);
  return result;
}

async function replayFailed(
  context: CliContext,
  since: number | undefined,
): Promise<ReplayResult[]> {
  const services = await context.services(true);
  const failed = await queryLedger(
    services.documents,
    services.config.tables.events,
    {
      status: LEDGER_STATUSES.failed,
      sinceSeconds: since === undefined ? undefined : Math.floor(since / 1000),
    },
  );
  if (failed.length === 0) {
    context.print('No failed events.');
    return [];
  }
  const results: ReplayResult[] = [];
  for (const [index, item] of [...failed].reverse().entries()) {
    context.note(`replaying ${index + 1}/${failed.length}`);
    const result = await services.replayer.replay(item.eventId);
    printReplayResult(context, result);
    results.push(result);
  }
  return results;
}
