import { AppError } from '../shared/app-error.js';

/**
 * `--local` was asked for, but no local stack runs on the data folder. The
 * message is the one line to print; the CLI exits 2 (nothing was done).
 */
export class LocalStackNotRunningError extends AppError {
  readonly code = 'local_stack_not_running';
  override readonly isExposed = false;

  /** `dataDir` as the user gave it (or the default), for the message. */
  constructor(dataDir: string) {
    super(`no local stack is running in ${dataDir}: start it with npm start`);
  }
}
