import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

import { SecretStoreError } from './errors.js';
import {
  applyChanges,
  type SecretChanges,
  type SecretStore,
  type SecretValues,
} from './secret-store.js';

/** Options of {@link AwsSecretStore}. */
export interface AwsSecretStoreOptions {
  /** Secret name, e.g. `stripe/prod`. */
  readonly secretName: string;
  /** Client to use; tests pass one backed by `aws-sdk-client-mock`. */
  readonly client?: SecretsManagerClient;
  /** Region of the secret when no client is given. */
  readonly region?: string;
}

const PERMISSIONS =
  'check the AWS credentials and the permissions ' +
  'secretsmanager:GetSecretValue, PutSecretValue and CreateSecret on it';

/**
 * The `stripe/<stage>` secret of AWS Secrets Manager: one JSON object with
 * the Stripe secrets. A merge reads the current JSON, applies the changes
 * and writes a new version, so that names it does not mention are kept.
 */
export class AwsSecretStore implements SecretStore {
  readonly description: string;
  readonly #client: SecretsManagerClient;
  readonly #secretName: string;

  constructor(options: AwsSecretStoreOptions) {
    this.#secretName = options.secretName;
    this.#client =
      options.client ?? new SecretsManagerClient({ region: options.region });
    this.description = `AWS secret ${options.secretName}`;
  }

  async read(): Promise<SecretValues> {
    return (await this.#fetch()) ?? {};
  }

  async merge(changes: SecretChanges): Promise<void> {
    const current = await this.#fetch();
    const text = JSON.stringify(applyChanges(current ?? {}, changes));
    try {
      if (current === undefined) {
        await this.#client.send(
          new CreateSecretCommand({
            Name: this.#secretName,
            Description: 'Stripe keys and webhook signing secret',
            SecretString: text,
          }),
        );
      } else {
        await this.#client.send(
          new PutSecretValueCommand({
            SecretId: this.#secretName,
            SecretString: text,
          }),
        );
      }
    } catch (error) {
      throw new SecretStoreError(
        this.description,
        `could not be written: ${PERMISSIONS}`,
        { cause: error },
      );
    }
  }

  /** The current JSON object, or undefined when the secret does not exist. */
  async #fetch(): Promise<Record<string, string> | undefined> {
    let text: string | undefined;
    try {
      const answer = await this.#client.send(
        new GetSecretValueCommand({ SecretId: this.#secretName }),
      );
      text = answer.SecretString;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw new SecretStoreError(
        this.description,
        `could not be read: ${PERMISSIONS}`,
        { cause: error },
      );
    }
    return parseSecretJson(text, this.description);
  }
}

function parseSecretJson(
  text: string | undefined,
  where: string,
): Record<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch {
    json = undefined;
  }
  const isObject =
    typeof json === 'object' && json !== null && !Array.isArray(json);
  const values = isObject ? Object.values(json as object) : [];
  if (!isObject || !values.every((value) => typeof value === 'string')) {
    throw new SecretStoreError(
      where,
      'does not hold a JSON object of strings: fix or delete it in the ' +
        'Secrets Manager console, then run setup secret again',
    );
  }
  return json as Record<string, string>;
}
