/**
 * Ingest Lambda configuration, read and validated once at cold start: bad config fails the first
 * invocation loudly instead of the thousandth quietly. The CDK construct sets exactly these variables.
 */
import { DEFAULT_MAX_BYTES } from '../../shared/parse/types';
import { INCOMING_PREFIX } from '../../shared/process';

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
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL'];

export function readIngestConfig(env: Record<string, string | undefined> = process.env): IngestConfig {
  const tableName = env.TABLE_NAME?.trim();
  if (!tableName) throw new ConfigError('TABLE_NAME is required');
  const incomingPrefix = env.INCOMING_PREFIX ?? INCOMING_PREFIX;
  if (incomingPrefix !== '' && !incomingPrefix.endsWith('/')) {
    throw new ConfigError(`INCOMING_PREFIX must end with '/': ${JSON.stringify(incomingPrefix)}`);
  }
  const rawMax = env.MAX_OBJECT_BYTES ?? String(DEFAULT_MAX_BYTES);
  const maxObjectBytes = Number(rawMax);
  if (!Number.isInteger(maxObjectBytes) || maxObjectBytes <= 0) {
    throw new ConfigError(`MAX_OBJECT_BYTES must be a positive whole number: ${JSON.stringify(rawMax)}`);
  }
  const logLevel = (env.POWERTOOLS_LOG_LEVEL ?? 'INFO').toUpperCase();
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`POWERTOOLS_LOG_LEVEL is not a level: ${logLevel}`);
  return {
    tableName,
    incomingPrefix,
    maxObjectBytes,
    serviceName: env.POWERTOOLS_SERVICE_NAME || 'newsdrop-ingest',
    metricsNamespace: env.POWERTOOLS_METRICS_NAMESPACE || 'newsdrop',
    logLevel,
  };
}
