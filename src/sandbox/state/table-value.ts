import { eventDataJson, eventFields } from '../objects/build-event.js';
import type { SandboxState } from './sandbox-state.js';
import {
  COLLECTION_TABLES,
  type CollectionTable,
  type MapTable,
  type StateTable,
} from './state-table.js';

const collectionTables: ReadonlySet<string> = new Set(COLLECTION_TABLES);

/**
 * The current value of one (table, id) as the journal and the snapshot
 * store it, or null when it no longer exists. Reads through `peek`, so
 * reading does not mark anything touched.
 */
export function readTableValue(
  state: SandboxState,
  table: StateTable,
  id: string,
): unknown {
  if (table === 'events') {
    const event = state.events.peek(id);
    return event ? [eventFields(event), eventDataJson(event)] : null;
  }
  if (table === 'deletedCustomers') {
    return state.deletedCustomers.has(id) ? true : null;
  }
  if (collectionTables.has(table)) {
    return state[table as CollectionTable].peek(id) ?? null;
  }
  return state[table as MapTable].peek(id) ?? null;
}
