import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

import type { JournalEntry } from './replay-journal.js';
import type { SandboxState } from './sandbox-state.js';
import type { StateTable } from './state-table.js';
import { readTableValue } from './table-value.js';

const PREFIX = 'sandbox-journal-';
const SUFFIX = '.jsonl';

/**
 * The append-only journal of state changes, one JSON line per committed
 * batch of (table, id, value) entries, so that every change the sandbox
 * has answered survives a hard kill (the line is in the kernel's hands
 * before the answer leaves; a power cut is not covered, there is no
 * fsync). Objects are changed in place after a lookup, so the journal
 * notes every entry looked up, added or deleted, and writes their current
 * value when a change is committed: entries only read are written too,
 * which is harmless. Journals are numbered by generation: a snapshot
 * names the first generation it does not contain, and older ones are
 * deleted once it is written.
 */
export class StateJournal {
  readonly #marks = new Map<StateTable, Set<string>>();
  #isChanged = false;
  #generation: number;
  #fd: number | undefined;

  /**
   * @param generation the generation to append to (a new one, so that a
   * line cut short by a kill is never followed by another).
   */
  constructor(
    private readonly state: SandboxState,
    private readonly dataDir: string,
    generation: number,
  ) {
    this.#generation = generation;
    mkdirSync(dataDir, { recursive: true });
    state.watch((table, id) => this.#mark(table, id));
  }

  /** Notes that state changed, so the next {@link commit} writes. */
  markChanged(): void {
    this.#isChanged = true;
  }

  /**
   * Appends the current value of every entry noted since the last write,
   * when a change was noted; does nothing otherwise (a read-only request
   * leaves its notes for the next change). Synchronous: call it before
   * answering a request or sending a webhook.
   */
  commit(): void {
    if (!this.#isChanged) return;
    this.#isChanged = false;
    const batch: JournalEntry[] = [];
    for (const [table, ids] of this.#marks) {
      for (const id of ids) {
        batch.push([table, id, readTableValue(this.state, table, id)]);
      }
    }
    this.#marks.clear();
    if (batch.length === 0) return;
    this.#fd ??= openSync(journalPath(this.dataDir, this.#generation), 'a');
    writeSync(this.#fd, `${JSON.stringify(batch)}\n`);
  }

  /** Starts a new generation, for a snapshot taken now; answers its number. */
  rotate(): number {
    this.#close();
    this.#generation += 1;
    return this.#generation;
  }

  /** Deletes the journals of generations before `generation`. */
  removeBefore(generation: number): void {
    removeJournalsBefore(this.dataDir, generation);
  }

  /** Stops appending (the next commit reopens the file). */
  close(): void {
    this.#close();
  }

  #mark(table: StateTable, id: string): void {
    let ids = this.#marks.get(table);
    if (!ids) {
      ids = new Set();
      this.#marks.set(table, ids);
    }
    ids.add(id);
  }

  #close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}

/** Generations of the journals in a data folder, oldest first. */
export function listJournalGenerations(dataDir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX))
    .map((name) => Number(name.slice(PREFIX.length, -SUFFIX.length)))
    .filter((generation) => Number.isSafeInteger(generation))
    .sort((a, b) => a - b);
}

/** Deletes the journals of a data folder older than `generation`. */
export function removeJournalsBefore(dataDir: string, generation: number) {
  for (const old of listJournalGenerations(dataDir)) {
    if (old < generation) rmSync(journalPath(dataDir, old), { force: true });
  }
}

/**
 * The batches of one journal. A line that does not parse (the last one,
 * cut short by a kill mid-write) is skipped: its request was not answered.
 */
export function readJournal(
  dataDir: string,
  generation: number,
): JournalEntry[][] {
  const text = readFileSync(journalPath(dataDir, generation), 'utf8');
  const batches: JournalEntry[][] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      batches.push(JSON.parse(line) as JournalEntry[]);
    } catch {
      // A torn last line: the change it held was never acknowledged.
    }
  }
  return batches;
}

function journalPath(dataDir: string, generation: number): string {
  return join(dataDir, `${PREFIX}${generation}${SUFFIX}`);
}
