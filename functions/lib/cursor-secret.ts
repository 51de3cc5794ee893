/** The query API's cursor key, read once per container (at cold start). */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError, MIN_SECRET_LENGTH, type QueryConfig } from './config';

/** The cursor key: from the environment, or fetched from Secrets Manager (once, at cold start). */
export async function loadCursorSecret(
  config: Pick<QueryConfig, 'cursorSecret' | 'cursorSecretArn'>,
  secrets: () => SecretsManagerClient,
): Promise<string | Uint8Array> {
  if (config.cursorSecret !== undefined) return config.cursorSecret;
  const res = await secrets().send(new GetSecretValueCommand({ SecretId: config.cursorSecretArn }));
  const value = res.SecretString ?? res.SecretBinary;
  if (value === undefined || value.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `the cursor secret ${config.cursorSecretArn} is empty or shorter than ${MIN_SECRET_LENGTH}`,
    );
  }
  return value;
}
