/**
 * Query Lambda configuration, read and validated once at cold start. The CDK construct (infra/query-api.ts)
 * sets TABLE_NAME, CURSOR_SECRET_ARN, CORS_ORIGINS and the Powertools variables; the local stack and
 * tests set CURSOR_SECRET instead of the ARN.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export interface QueryConfig {
  /** `TABLE_NAME` (required): the article table. */
  tableName: string;
  /** `CURSOR_SECRET`: the cursor key itself (local and dev). One of this or `cursorSecretArn`. */
  cursorSecret?: string;
  /** `CURSOR_SECRET_ARN`: a Secrets Manager secret holding the cursor key, fetched once per container. */
  cursorSecretArn?: string;
  /** `CORS_ORIGINS` (optional, comma-separated): browser origins allowed; empty sends no CORS headers. */
  corsOrigins: string[];
  /** `POWERTOOLS_SERVICE_NAME` (default `newsdrop-query`). */
  serviceName: string;
  /** `POWERTOOLS_LOG_LEVEL` (default `INFO`). */
  logLevel: string;
}

export class QueryConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryConfigError';
  }
}

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'];
const MIN_SECRET_LENGTH = 16;

function isOrigin(value: string): boolean {
  if (value === '*') return true;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

export function readQueryConfig(env: Record<string, string | undefined> = process.env): QueryConfig {
  const tableName = env.TABLE_NAME?.trim();
  if (!tableName) throw new QueryConfigError('TABLE_NAME is required');
  const cursorSecret = env.CURSOR_SECRET || undefined;
  const cursorSecretArn = env.CURSOR_SECRET_ARN?.trim() || undefined;
  if (!cursorSecret === !cursorSecretArn) {
    throw new QueryConfigError('set exactly one of CURSOR_SECRET and CURSOR_SECRET_ARN');
  }
  if (cursorSecret !== undefined && cursorSecret.length < MIN_SECRET_LENGTH) {
    throw new QueryConfigError(`CURSOR_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (cursorSecretArn !== undefined && !cursorSecretArn.startsWith('arn:')) {
    throw new QueryConfigError(`CURSOR_SECRET_ARN is not an ARN: ${JSON.stringify(cursorSecretArn)}`);
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!isOrigin(origin)) {
      throw new QueryConfigError(
        `CORS_ORIGINS holds ${JSON.stringify(origin)}, which is not an origin like https://app.example.com`,
      );
    }
  }
  const logLevel = (env.POWERTOOLS_LOG_LEVEL ?? 'INFO').toUpperCase();
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new QueryConfigError(`POWERTOOLS_LOG_LEVEL is not a level: ${logLevel}`);
  }
  return {
    tableName,
    ...(cursorSecret !== undefined && { cursorSecret }),
    ...(cursorSecretArn !== undefined && { cursorSecretArn }),
    corsOrigins,
    serviceName: env.POWERTOOLS_SERVICE_NAME || 'newsdrop-query',
    logLevel,
  };
}

/** The cursor key: from the environment, or fetched from Secrets Manager (once, at cold start). */
export async function loadCursorSecret(
  config: Pick<QueryConfig, 'cursorSecret' | 'cursorSecretArn'>,
  secrets: () => SecretsManagerClient,
): Promise<string | Uint8Array> {
  if (config.cursorSecret !== undefined) return config.cursorSecret;
  const res = await secrets().send(new GetSecretValueCommand({ SecretId: config.cursorSecretArn }));
  const value = res.SecretString ?? res.SecretBinary;
  if (value === undefined || value.length < MIN_SECRET_LENGTH) {
    throw new QueryConfigError(
      `the cursor secret ${config.cursorSecretArn} is empty or shorter than ${MIN_SECRET_LENGTH}`,
    );
  }
  return value;
}
