import { readFile, rename, writeFile } from 'node:fs/promises';

import { parse } from 'dotenv';

import { SecretStoreError } from './errors.js';
import type {
  SecretChanges,
  SecretStore,
  SecretValues,
} from './secret-store.js';

/** Values written unquoted; anything else is refused (see `merge`). */
const PLAIN_VALUE = /^[A-Za-z0-9_.:+-]*$/;

/**
 * A local `.env` file. A merge edits only the lines of the names it
 * changes, keeps every other line (comments included) and appends new
 * names at the end. The file is written to a temporary file first and
 * renamed, readable by its owner only.
 */
export class EnvFileSecretStore implements SecretStore {
  readonly description: string;
  readonly #path: string;

  /** @param path the file, e.g. `.env` in the working directory */
  constructor(path: string) {
    this.#path = path;
    this.description = `file ${path}`;
  }

  async read(): Promise<SecretValues> {
    return parse(await this.#readText());
  }

  async merge(changes: SecretChanges): Promise<void> {
    for (const [name, value] of Object.entries(changes)) {
      if (value !== null && !PLAIN_VALUE.test(value)) {
        throw new SecretStoreError(
          this.description,
          `cannot hold the value of ${name}: it has characters a .env ` +
            'line would need quoting for',
        );
      }
    }
    const text = editLines(await this.#readText(), changes);
    const temporary = `${this.#path}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, text, { mode: 0o600 });
      await rename(temporary, this.#path);
    } catch (error) {
      throw new SecretStoreError(this.description, 'could not be written', {
        cause: error,
      });
    }
  }

  async #readText(): Promise<string> {
    try {
      return await readFile(this.#path, 'utf8');
    } catch (error) {
      if (isMissingFile(error)) return '';
      throw new SecretStoreError(this.description, 'could not be read', {
        cause: error,
      });
    }
  }
}

function editLines(text: string, changes: SecretChanges): string {
  const names = new Set(Object.keys(changes));
  const written = new Set<string>();
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const name = /^\s*(?:export\s+)?([\w.-]+)\s*=/.exec(line)?.[1];
    if (name === undefined || !names.has(name)) {
      kept.push(line);
    } else if (!written.has(name)) {
      // A name repeated further down is dropped: the first line wins.
      written.add(name);
      const value = changes[name];
      if (typeof value === 'string') kept.push(`${name}=${value}`);
    }
  }
  for (const name of names) {
    const value = changes[name];
    if (!written.has(name) && typeof value === 'string') {
      kept.push(`${name}=${value}`);
    }
  }
  return `${kept.join('\n')}\n`;
}

function isMissingFile(error: unknown): boolean {
  return (
    error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT'
  );
}
