import { describe, expect, it } from 'vitest';
import { ConfigError, readCounterConfig, readIngestConfig } from '../../functions/lib/config';

describe('ingest config', () => {
  it('applies the documented defaults', () => {
    expect(readIngestConfig({ TABLE_NAME: 'articles' })).toEqual({
      tableName: 'articles',
      incomingPrefix: 'incoming/',
      maxObjectBytes: 5242880,
      serviceName: 'newsdrop-ingest',
      metricsNamespace: 'newsdrop',
      logLevel: 'INFO',
      storyWindowHours: 72,
    });
    expect(readIngestConfig({ TABLE_NAME: 'articles', STORY_WINDOW_HOURS: '24' }).storyWindowHours).toBe(24);
  });

  it('fails at start on missing or bad values', () => {
    expect(() => readIngestConfig({})).toThrow(ConfigError);
    expect(() => readIngestConfig({ TABLE_NAME: 't', MAX_OBJECT_BYTES: '5MB' })).toThrow(/MAX_OBJECT_BYTES/);
    expect(() => readIngestConfig({ TABLE_NAME: 't', INCOMING_PREFIX: 'incoming' })).toThrow(
      /INCOMING_PREFIX/,
    );
    expect(() => readIngestConfig({ TABLE_NAME: 't', POWERTOOLS_LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => readIngestConfig({ TABLE_NAME: 't', STORY_WINDOW_HOURS: '0' })).toThrow(ConfigError);
    expect(() => readIngestConfig({ TABLE_NAME: 't', STORY_WINDOW_HOURS: '3 days' })).toThrow(
      /STORY_WINDOW_HOURS/,
    );
  });
});

describe('counter aggregator config', () => {
  it('reads the story window as ingest does (its folds review the stories ingest linked)', () => {
    expect(readCounterConfig({ TABLE_NAME: 'articles' })).toEqual({
      tableName: 'articles',
      serviceName: 'newsdrop-counters',
      logLevel: 'INFO',
      storyWindowHours: 72,
    });
    expect(readCounterConfig({ TABLE_NAME: 'articles', STORY_WINDOW_HOURS: '24' }).storyWindowHours).toBe(24);
    expect(() => readCounterConfig({ TABLE_NAME: 't', STORY_WINDOW_HOURS: '0' })).toThrow(ConfigError);
  });
});
