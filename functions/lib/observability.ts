/**
 * Logger and metrics for the ingest handler. Metrics go through a small interface so tests can record
 * them; the Lambda uses Powertools (CloudWatch EMF).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { isTransientError } from '../../shared/ingest/errors';
import type { IngestOutcome } from '../../shared/ingest/ingest';
import type { RejectionCode } from '../../shared/model/article';

export interface IngestMetrics {
  stored(): void;
  rejected(reason: RejectionCode): void;
  /** A record hit a transient error; its message goes back to the queue. */
  retried(): void;
  /** A record hit an unexpected error; its message goes back to the queue (and to the DLQ in the end). */
  failed(): void;
  /** A created object was not there when fetched; many of these mean keys are read wrongly. */
  missing(): void;
  /** A message or record that is no S3 event the handler can act on; it is logged and not retried. */
  malformed(): void;
  processingTime(ms: number): void;
  flush(): void;
}

export type IngestLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error' | 'addContext'>;

export function createLogger(serviceName: string, logLevel: string): Logger {
  return new Logger({ serviceName, logLevel: logLevel as 'INFO' });
}

export function powertoolsMetrics(namespace: string, serviceName: string): IngestMetrics {
  const metrics = new Metrics({ namespace, serviceName });
  return {
    stored: () => metrics.addMetric('ArticlesStored', MetricUnit.Count, 1),
    rejected: (reason) => {
      // Own dimension set, so ArticlesRejected is counted per reason without splitting the others.
      const single = metrics.singleMetric();
      single.addDimension('reason', reason);
      single.addMetric('ArticlesRejected', MetricUnit.Count, 1);
    },
    retried: () => metrics.addMetric('ArticlesRetried', MetricUnit.Count, 1),
    failed: () => metrics.addMetric('ArticlesFailed', MetricUnit.Count, 1),
    missing: () => metrics.addMetric('ObjectsMissing', MetricUnit.Count, 1),
    malformed: () => metrics.addMetric('MalformedEvents', MetricUnit.Count, 1),
    processingTime: (ms) => metrics.addMetric('ProcessingTime', MetricUnit.Milliseconds, ms),
    flush: () => {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    },
  };
}

/** Counts in memory; for tests and the local stack's summary line. */
export class RecordingMetrics implements IngestMetrics {
  readonly counts = { stored: 0, retried: 0, failed: 0, missing: 0, malformed: 0 };
  readonly rejections: Partial<Record<RejectionCode, number>> = {};
  readonly times: number[] = [];
  stored() {
    this.counts.stored++;
  }
  rejected(reason: RejectionCode) {
    this.rejections[reason] = (this.rejections[reason] ?? 0) + 1;
  }
  retried() {
    this.counts.retried++;
  }
  failed() {
    this.counts.failed++;
  }
  missing() {
    this.counts.missing++;
  }
  malformed() {
    this.counts.malformed++;
  }
  processingTime(ms: number) {
    this.times.push(ms);
  }
  flush() {}
}

/** For handlers built without a logger (tests, benches). */
export const silentLogger: IngestLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  addContext() {},
};

export const noMetrics: IngestMetrics = {
  stored() {},
  rejected() {},
  retried() {},
  failed() {},
  missing() {},
  malformed() {},
  processingTime() {},
  flush() {},
};

/** Logs and counts what the use case did with one object change. */
export function reportOutcome(
  logger: IngestLogger,
  metrics: IngestMetrics,
  logKeys: Record<string, unknown>,
  result: IngestOutcome,
  started: number,
): void {
  if (result.outcome === 'rejected') {
    metrics.rejected(result.record.rejection!.code);
    logger.warn('article rejected', { ...logKeys, id: result.record.id, rejection: result.record.rejection });
  } else if (result.outcome === 'stored') {
    metrics.stored();
  } else if (result.outcome === 'missing') {
    metrics.missing();
    logger.warn('object missing when fetched', logKeys);
  }
  metrics.processingTime(performance.now() - started);
  logger.info('record processed', { ...logKeys, outcome: result.outcome });
}

/** Logs and counts a change that failed; its message goes back to the queue either way. */
export function reportError(
  logger: IngestLogger,
  metrics: IngestMetrics,
  logKeys: Record<string, unknown>,
  err: unknown,
): void {
  if (isTransientError(err)) {
    metrics.retried();
    logger.warn('transient error; message will be retried', { ...logKeys, error: err as Error });
  } else {
    metrics.failed();
    logger.error('record failed; message will be retried', { ...logKeys, error: err as Error });
  }
}
