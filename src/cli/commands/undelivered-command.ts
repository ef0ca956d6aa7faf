import type { Command } from 'commander';

import { EVENTS_RETENTION_DAYS, isSettled } from '../../ops/event-replayer.js';
import type { CliCommand } from '../cli-command.js';
import type { CliContext } from '../cli-context.js';
import { EXIT_CODES } from '../cli-io.js';
import { sinceParser } from '../option-parsers.js';
import { printReplayResult } from './print-replay-result.js';

const DAY_MS = 86_400_000;

/**
 * `billing undelivered`: processes the events Stripe reports as not
 * delivered, through the webhook's own path.
 */
export const undeliveredCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    program
      .command('undelivered')
      .description(
        'Process the events Stripe reports as not delivered ' +
          `(delivery_success=false, last ${EVENTS_RETENTION_DAYS} days), ` +
          'oldest first, as deliveries would.',
      )
      .option(
        '--since <time>',
        `only events created since an ISO time or a duration (default ${EVENTS_RETENTION_DAYS}d)`,
        sinceParser(context.now),
      )
      .action(async (options: { since?: number }) => {
        const services = await context.services(true);
        const oldest = context.now() - EVENTS_RETENTION_DAYS * DAY_MS;
        const since = Math.max(options.since ?? oldest, oldest);
        const results = await services.replayer.processUndelivered(
          Math.floor(since / 1000),
          (result) => printReplayResult(context, result),
        );
        const settled = results.filter(isSettled).length;
        context.print(
          `Processed ${results.length} undelivered events: ${settled} ` +
            `settled, ${results.length - settled} failed.`,
        );
        const isClean = settled === results.length;
        context.report(isClean ? EXIT_CODES.ok : EXIT_CODES.failure);
      });
  },
};
