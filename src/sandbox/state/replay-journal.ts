import type { StateSnapshot } from './state-snapshot.js';
import {
  COLLECTION_TABLES,
  MAP_TABLES,
  type StateTable,
} from './state-table.js';

/**
 * One change in the journal: the new value of a table's entry, or null
 * when the entry was removed. Values are those of `readTableValue`.
 */
export type JournalEntry = readonly [
  table: StateTable,
  id: string,
  value: unknown,
];

type Rows = Map<string, unknown>;

/**
 * The snapshot with journal batches applied in order: each entry replaces
 * (or removes) the entry of the same table and id, so a change written
 * twice, or already in the snapshot, gives the same result. New entries
 * go last, keeping creation order.
 */
export function replayJournal(
  snapshot: StateSnapshot,
  batches: Iterable<readonly JournalEntry[]>,
): StateSnapshot {
  const tables = toTables(snapshot);
  for (const batch of batches) {
    for (const [table, id, value] of batch) {
      const rows = tables.get(table);
      if (!rows) continue;
      if (value === null) rows.delete(id);
      else rows.set(id, value);
    }
  }
  return fromTables(snapshot, tables);
}

function toTables(snapshot: StateSnapshot): Map<StateTable, Rows> {
  const tables = new Map<StateTable, Rows>();
  for (const table of COLLECTION_TABLES) {
    const objects: readonly { id: string }[] = snapshot[table];
    tables.set(table, new Map(objects.map((object) => [object.id, object])));
  }
  tables.set(
    'events',
    new Map(snapshot.events.map((event) => [event[0].id as string, event])),
  );
  for (const table of MAP_TABLES) {
    const entries: readonly [string, unknown][] = snapshot[table] ?? [];
    tables.set(table, new Map(entries));
  }
  tables.set(
    'deletedCustomers',
    new Map(snapshot.deletedCustomers.map((id) => [id, true])),
  );
  return tables;
}

function fromTables(
  snapshot: StateSnapshot,
  tables: Map<StateTable, Rows>,
): StateSnapshot {
  const rows = (table: StateTable): Rows => tables.get(table) ?? new Map();
  const result: Record<string, unknown> = { ...snapshot };
  for (const table of [...COLLECTION_TABLES, 'events'] as const) {
    result[table] = [...rows(table).values()];
  }
  for (const table of MAP_TABLES) result[table] = [...rows(table)];
  result.deletedCustomers = [...rows('deletedCustomers').keys()];
  return result as unknown as StateSnapshot;
}
