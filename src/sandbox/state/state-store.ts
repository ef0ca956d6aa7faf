import { rmSync } from 'node:fs';

import type { AppLogger } from '../../shared/logger.js';
import { replayJournal } from './replay-journal.js';
import { SandboxState } from './sandbox-state.js';
import { SnapshotFile } from './snapshot-file.js';
import {
  listJournalGenerations,
  readJournal,
  removeJournalsBefore,
  StateJournal,
} from './state-journal.js';
import { restoreSnapshot, toSnapshot } from './state-snapshot.js';

/** The snapshot is rewritten once changes pause for this long (ms). */
export const SNAPSHOT_QUIET_MS = 1000;

/** Under steady traffic, the snapshot is still rewritten this often (ms). */
export const SNAPSHOT_MAX_DELAY_MS = 30_000;

/**
 * The state on disk in a data folder: a snapshot plus the journal of
 * changes made since. Every committed change is in the journal at once;
 * the snapshot, rewritten when changes pause, only keeps the journal
 * short and the restart quick.
 */
export class StateStore {
  #saving: Promise<void> = Promise.resolve();
  #quiet: NodeJS.Timeout | undefined;
  #deadline: NodeJS.Timeout | undefined;

  private constructor(
    private readonly state: SandboxState,
    private readonly file: SnapshotFile,
    private readonly journal: StateJournal,
    private readonly logger: AppLogger,
    /** Whether saved state was found and restored. */
    readonly isRestored: boolean,
  ) {}

  /**
   * Restores an empty state from the data folder (snapshot, then the
   * journals it does not contain) and starts journaling its changes.
   */
  static async open(
    state: SandboxState,
    dataDir: string,
    logger: AppLogger,
  ): Promise<StateStore> {
    const file = new SnapshotFile(dataDir);
    const snapshot = await file.read();
    const from = snapshot?.journalGeneration ?? 0;
    const generations = listJournalGenerations(dataDir);
    const batches = generations
      .filter((generation) => generation >= from)
      .flatMap((generation) => readJournal(dataDir, generation));
    const isRestored = snapshot !== undefined || batches.length > 0;
    if (isRestored) {
      const base = snapshot ?? toSnapshot(new SandboxState());
      restoreSnapshot(state, replayJournal(base, batches));
    }
    const next = Math.max(from, ...generations) + 1;
    const journal = new StateJournal(state, dataDir, next);
    journal.removeBefore(from);
    return new StateStore(state, file, journal, logger, isRestored);
  }

  /** Deletes the snapshot and journals of a data folder. */
  static async remove(dataDir: string): Promise<void> {
    removeJournalsBefore(dataDir, Number.POSITIVE_INFINITY);
    await new SnapshotFile(dataDir).remove();
  }

  /** Notes a change: committed with the next {@link commit}. */
  markChanged(): void {
    this.journal.markChanged();
    this.#scheduleSave();
  }

  /** Writes noted changes to the journal (synchronous). */
  commit(): void {
    this.journal.commit();
  }

  /**
   * Rewrites the snapshot from memory and deletes the journals it
   * contains. Saves run one after another, never interleaved.
   */
  save(): Promise<void> {
    clearTimeout(this.#quiet);
    clearTimeout(this.#deadline);
    this.#quiet = undefined;
    this.#deadline = undefined;
    const saved = this.#saving.then(() => this.#saveNow());
    this.#saving = saved.catch(() => {});
    return saved;
  }

  /** Deletes the saved state (the in-memory state is cleared by the caller). */
  async reset(): Promise<void> {
    const generation = this.journal.rotate();
    this.journal.removeBefore(generation);
    rmSync(this.file.path, { force: true });
    const removed = this.#saving.then(() => this.file.remove());
    this.#saving = removed.catch(() => {});
    await removed;
  }

  /** Saves a last snapshot and stops writing. */
  async close(): Promise<void> {
    await this.save();
    this.journal.close();
  }

  async #saveNow(): Promise<void> {
    const generation = this.journal.rotate();
    const snapshot = toSnapshot(this.state);
    await this.file.write({ ...snapshot, journalGeneration: generation });
    this.journal.removeBefore(generation);
  }

  /**
   * Rewrites the snapshot once changes pause, and at least every
   * {@link SNAPSHOT_MAX_DELAY_MS} under steady traffic: serializing the
   * whole state on every change would stall a busy sandbox.
   */
  #scheduleSave(): void {
    const save = () => {
      this.save().catch((error: unknown) => {
        this.logger.error('sandbox snapshot failed', { error });
      });
    };
    clearTimeout(this.#quiet);
    this.#quiet = setTimeout(save, SNAPSHOT_QUIET_MS).unref();
    this.#deadline ??= setTimeout(save, SNAPSHOT_MAX_DELAY_MS).unref();
  }
}
