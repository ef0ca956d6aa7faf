import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { StateSnapshot } from './state-snapshot.js';
import { SNAPSHOT_VERSION } from './state-snapshot.js';

/** Name of the snapshot file inside the data folder. */
export const SNAPSHOT_FILE_NAME = 'sandbox-state.json';

/**
 * The state snapshot on disk. Writes go to a temporary file renamed over
 * the old one, so a crash mid-write never leaves a half-written snapshot.
 */
export class SnapshotFile {
  readonly path: string;

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, SNAPSHOT_FILE_NAME);
  }

  /** The saved snapshot, or undefined when there is none (or another version). */
  async read(): Promise<StateSnapshot | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const snapshot = JSON.parse(text) as StateSnapshot;
    return snapshot.version === SNAPSHOT_VERSION ? snapshot : undefined;
  }

  /** Saves a snapshot atomically. */
  async write(snapshot: StateSnapshot): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(snapshot));
    await rename(temporary, this.path);
  }

  /** Deletes the saved snapshot. */
  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
