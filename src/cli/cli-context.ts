import { type Environment, loadConfig } from '../config/load-config.js';
import { makeSecretsSource } from '../config/make-secrets-source.js';
import { makeOpsServices, type OpsServices } from '../ops/ops-services.js';
import { type CliIo, EXIT_CODES, type ExitCode } from './cli-io.js';

/**
 * What a command's action works with: the run's input and output, the
 * clock, the operations services (built on first use from the same
 * configuration as the services), and the exit code it reports.
 */
export class CliContext {
  readonly now: () => number;
  #io: CliIo;
  #exitCode: ExitCode = EXIT_CODES.ok;
  #services: OpsServices | undefined;

  constructor(io: CliIo) {
    this.#io = io;
    this.now = io.now ?? Date.now;
  }

  /** The run's input and output. */
  get io(): CliIo {
    return this.#io;
  }

  /**
   * Makes commands read `env` instead of the run's variables (`--local`
   * points them at the local stack). Call before any command runs.
   */
  useEnvironment(env: Environment): void {
    this.#io = { ...this.#io, env };
  }

  /** The exit code reported so far (the worst one wins). */
  get exitCode(): ExitCode {
    return this.#exitCode;
  }

  /** Reports an exit code; a worse code already reported is kept. */
  report(code: ExitCode): void {
    this.#exitCode = Math.max(this.#exitCode, code) as ExitCode;
  }

  /** Writes one line of results. */
  print(line = ''): void {
    this.io.stdout.write(`${line}\n`);
  }

  /** Writes one line of progress or diagnostics. */
  note(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  /**
   * The operations services. Throws `ConfigError` when the configuration
   * is invalid; with `needsStripe`, also when the Stripe secrets are.
   */
  async services(needsStripe: boolean): Promise<OpsServices> {
    if (this.#services === undefined) {
      const env = this.io.env;
      const config = loadConfig({ env });
      this.#services = makeOpsServices({
        config,
        secrets: makeSecretsSource(config, env),
        now: this.now,
      });
    }
    if (needsStripe) await this.#services.getStripe();
    return this.#services;
  }

  /** Releases what {@link services} opened. */
  close(): void {
    this.#services?.close();
  }
}
