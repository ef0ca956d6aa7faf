import { type Command, Option } from 'commander';

import { type LedgerItem, queryLedger } from '../../ops/ledger-query.js';
import {
  LEDGER_STATUSES,
  type LedgerStatus,
} from '../../webhook/event-ledger.js';
import type { CliCommand } from '../cli-command.js';
import type { CliContext } from '../cli-context.js';
import { countParser, sinceParser } from '../option-parsers.js';

interface EventsOptions {
  readonly status?: LedgerStatus;
  readonly type?: string;
  readonly since?: number;
  readonly limit: number;
  readonly json?: boolean;
}

/** `billing events`: recent entries of the event ledger, filtered. */
export const eventsCommand: CliCommand = {
  register(program: Command, context: CliContext) {
    program
      .command('events')
      .description(
        'List recent events of the ledger (newest first): id, type, ' +
          'status, attempts and times.',
      )
      .addOption(
        new Option('--status <status>', 'only events with this status').choices(
          Object.values(LEDGER_STATUSES),
        ),
      )
      .option('--type <type>', 'only events of this type, e.g. invoice.paid')
      .option(
        '--since <time>',
        'only events Stripe created since an ISO time or a duration (24h, 7d)',
        sinceParser(context.now),
      )
      .option('--limit <n>', 'at most this many', countParser(10_000), 50)
      .option('--json', 'print the entries as JSON')
      .action((options: EventsOptions) => listEvents(context, options));
  },
};

async function listEvents(
  context: CliContext,
  options: EventsOptions,
): Promise<void> {
  const services = await context.services(false);
  const items = await queryLedger(
    services.documents,
    services.config.tables.events,
    {
      status: options.status,
      type: options.type,
      sinceSeconds:
        options.since === undefined
          ? undefined
          : Math.floor(options.since / 1000),
      limit: options.limit,
    },
  );
  if (options.json) {
    context.print(JSON.stringify(items, null, 2));
    return;
  }
  if (items.length === 0) {
    context.print('No events match.');
    return;
  }
  printTable(context, items);
}

function printTable(context: CliContext, items: readonly LedgerItem[]): void {
  const rows = [
    ['EVENT', 'TYPE', 'STATUS', 'ATTEMPTS', 'CREATED', 'UPDATED', 'RESULT'],
    ...items.map((item) => [
      item.eventId,
      item.type,
      item.status,
      String(item.attempts),
      new Date(item.eventCreated * 1000).toISOString(),
      item.updatedAt,
      item.outcome ?? item.lastError ?? '',
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) =>
      Math.max(...rows.map((row) => (row[column] ?? '').length)),
    ) ?? [];
  for (const row of rows) {
    context.print(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
}
