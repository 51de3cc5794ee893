/**
 * Lambda configuration, one reader for both handlers: each handler reads its config once at module load
 * (cold start) with `readIngestConfig` / `readQueryConfig` / `readCounterConfig`, so bad config fails the cold start loudly
 * instead of the thousandth request quietly. The CDK constructs set exactly these variables; the local
 * stack and tests pass values directly. (Powertools' getStringFromEnv reads only process.env and throws
 * plain Errors; these readers take the environment as an argument so tests need no stubbing.)
 */

import { INCOMING_PREFIX } from '../../shared/model/article-id';
import { DEFAULT_MAX_BYTES } from '../../shared/parse/types';
import type { ApiAuth } from '../../shared/query/openapi';
import { parseWindowHours } from '../../shared/stories/config';

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'];
export const MIN_SECRET_LENGTH = 16;

/** `TABLE_NAME` (required): the article table. */
function tableName(env: Env): string {
  const name = env.TABLE_NAME?.trim();
  if (!name) throw new ConfigError('TABLE_NAME is required');
  return name;
}

/** `POWERTOOLS_LOG_LEVEL` (default `INFO`), upper-cased. */
function logLevel(env: Env): string {
  const level = (env.POWERTOOLS_LOG_LEVEL ?? 'INFO').toUpperCase();
  if (!LOG_LEVELS.includes(level)) throw new ConfigError(`POWERTOOLS_LOG_LEVEL is not a level: ${level}`);
  return level;
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name] ?? String(fallback);
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new ConfigError(`${name} must be a positive whole number: ${JSON.stringify(raw)}`);
  }
  return n;
}

export interface IngestConfig {
  /** `TABLE_NAME` (required): the article table. */
  tableName: string;
  /** `INCOMING_PREFIX` (default `incoming/`): only keys under it are ingested. */
  incomingPrefix: string;
  /** `MAX_OBJECT_BYTES` (default 5242880): larger objects are rejected without being fetched. */
  maxObjectBytes: number;
  /** `POWERTOOLS_SERVICE_NAME` (default `newsdrop-ingest`). */
  serviceName: string;
  /** `POWERTOOLS_METRICS_NAMESPACE` (default `newsdrop`). */
  metricsNamespace: string;
  /** `POWERTOOLS_LOG_LEVEL` (default `INFO`). */
  logLevel: string;
  /** `STORY_WINDOW_HOURS` (default 72, 1 to 720): a story gathers the articles this many hours either side. */
  storyWindowHours: number;
}

function storyWindowHours(env: Env): number {
  try {
    return parseWindowHours(env.STORY_WINDOW_HOURS);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

export function readIngestConfig(env: Env = process.env): IngestConfig {
  const table = tableName(env);
  const incomingPrefix = env.INCOMING_PREFIX ?? INCOMING_PREFIX;
  if (incomingPrefix !== '' && !incomingPrefix.endsWith('/')) {
    throw new ConfigError(`INCOMING_PREFIX must end with '/': ${JSON.stringify(incomingPrefix)}`);
  }
  return {
    tableName: table,
    incomingPrefix,
    maxObjectBytes: positiveInteger(env, 'MAX_OBJECT_BYTES', DEFAULT_MAX_BYTES),
    serviceName: env.POWERTOOLS_SERVICE_NAME || 'newsdrop-ingest',
    metricsNamespace: env.POWERTOOLS_METRICS_NAMESPACE || 'newsdrop',
    logLevel: logLevel(env),
    storyWindowHours: storyWindowHours(env),
  };
}

export interface QueryConfig {
  /** `TABLE_NAME` (required): the article table. */
  tableName: string;
  /** `CURSOR_SECRET`: the cursor key itself (local and dev). One of this or `cursorSecretArn`. */
  cursorSecret?: string;
  /** `CURSOR_SECRET_ARN`: a Secrets Manager secret holding the cursor key, fetched once per container. */
  cursorSecretArn?: string;
  /** `CORS_ORIGINS` (optional, comma-separated): browser origins allowed; empty sends no CORS headers. */
  corsOrigins: string[];
  /**
   * `API_AUTH` (`iam`, the default, or `jwt` with `JWT_ISSUER` and optional comma-separated `JWT_AUDIENCE`):
   * what API Gateway enforces in front of the function, declared in the OpenAPI document.
   */
  auth: ApiAuth;
  /** `POWERTOOLS_SERVICE_NAME` (default `newsdrop-query`). */
  serviceName: string;
  /** `POWERTOOLS_LOG_LEVEL` (default `INFO`). */
  logLevel: string;
  /**
   * `STORY_WINDOW_HOURS` (default 72, 1 to 720), as ingest's: an article's copies are looked up within
   * the window's days (`/articles/{id}/related`).
   */
  storyWindowHours: number;
}

function isOrigin(value: string): boolean {
  if (value === '*') return true;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

function apiAuth(env: Env): ApiAuth {
  const mode = env.API_AUTH?.trim() || 'iam';
  if (mode === 'iam') return { mode };
  if (mode !== 'jwt') throw new ConfigError(`API_AUTH must be iam or jwt, got ${JSON.stringify(mode)}`);
  const issuer = env.JWT_ISSUER?.trim() ?? '';
  if (!issuer.startsWith('https://')) {
    throw new ConfigError('API_AUTH=jwt needs JWT_ISSUER, the https:// URL of the token issuer');
  }
  const audience = (env.JWT_AUDIENCE ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return { mode, issuer, audience };
}

export function readQueryConfig(env: Env = process.env): QueryConfig {
  const table = tableName(env);
  const cursorSecret = env.CURSOR_SECRET || undefined;
  const cursorSecretArn = env.CURSOR_SECRET_ARN?.trim() || undefined;
  if (!cursorSecret === !cursorSecretArn) {
    throw new ConfigError('set exactly one of CURSOR_SECRET and CURSOR_SECRET_ARN');
  }
  if (cursorSecret !== undefined && cursorSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`CURSOR_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (cursorSecretArn !== undefined && !cursorSecretArn.startsWith('arn:')) {
    throw new ConfigError(`CURSOR_SECRET_ARN is not an ARN: ${JSON.stringify(cursorSecretArn)}`);
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!isOrigin(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS holds ${JSON.stringify(origin)}, which is not an origin like https://app.example.com`,
      );
    }
  }
  return {
    tableName: table,
    ...(cursorSecret !== undefined && { cursorSecret }),
    ...(cursorSecretArn !== undefined && { cursorSecretArn }),
    corsOrigins,
    auth: apiAuth(env),
    serviceName: env.POWERTOOLS_SERVICE_NAME || 'newsdrop-query',
    logLevel: logLevel(env),
    storyWindowHours: storyWindowHours(env),
  };
}

export interface CounterConfig {
  /** `TABLE_NAME` (required): the article table. */
  tableName: string;
  /** `POWERTOOLS_SERVICE_NAME` (default `newsdrop-counters`). */
  serviceName: string;
  /** `POWERTOOLS_LOG_LEVEL` (default `INFO`). */
  logLevel: string;
  /**
   * `STORY_WINDOW_HOURS` (default 72, 1 to 720), as ingest's: the fold reviews the stories of the
   * articles ingest stored, in the same window.
   */
  storyWindowHours: number;
}

export function readCounterConfig(env: Env = process.env): CounterConfig {
  return {
    tableName: tableName(env),
    serviceName: env.POWERTOOLS_SERVICE_NAME || 'newsdrop-counters',
    logLevel: logLevel(env),
    storyWindowHours: storyWindowHours(env),
  };
}
