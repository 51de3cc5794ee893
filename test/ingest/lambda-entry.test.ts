import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sample = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'events', name), 'utf8')) as SQSEvent;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('ingest Lambda entry', () => {
  it('acknowledges the s3:TestEvent sent when the notification is set up', async () => {
    vi.stubEnv('TABLE_NAME', 'articles');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    const { handler } = await import('../../functions/ingest');
    const res = await handler(sample('ingest-test-event.json'), { awsRequestId: 'req-1' } as Context);
    expect(res).toEqual({ batchItemFailures: [] });
  });

  it('fails the cold start when TABLE_NAME is missing', async () => {
    vi.stubEnv('TABLE_NAME', '');
    await expect(import('../../functions/ingest')).rejects.toThrow(/TABLE_NAME/);
  });
});
