import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { readQueryConfig } from '../../functions/lib/config';
import { loadCursorSecret } from '../../functions/lib/cursor-secret';

const ARN = 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:CursorSecret-AbCdEf';
const base = { TABLE_NAME: 'articles', CURSOR_SECRET_ARN: ARN };

describe('readQueryConfig', () => {
  it('reads what the CDK construct sets', () => {
    expect(
      readQueryConfig({
        ...base,
        CORS_ORIGINS: 'https://app.example.com, http://localhost:5173',
        POWERTOOLS_SERVICE_NAME: 'newsdrop-query',
        POWERTOOLS_LOG_LEVEL: 'debug',
        API_AUTH: 'iam',
      }),
    ).toEqual({
      tableName: 'articles',
      cursorSecretArn: ARN,
      corsOrigins: ['https://app.example.com', 'http://localhost:5173'],
      auth: { mode: 'iam' },
      serviceName: 'newsdrop-query',
      logLevel: 'DEBUG',
      storyWindowHours: 72,
    });
  });

  it('reads the story window ingest is given (copies are looked up in it)', () => {
    expect(readQueryConfig({ ...base, STORY_WINDOW_HOURS: '24' }).storyWindowHours).toBe(24);
  });

  it('declares IAM by default, or the JWT issuer and audience the construct sets', () => {
    expect(readQueryConfig(base).auth).toEqual({ mode: 'iam' });
    expect(
      readQueryConfig({
        ...base,
        API_AUTH: 'jwt',
        JWT_ISSUER: 'https://id.example.com/',
        JWT_AUDIENCE: 'newsroom-app, web',
      }).auth,
    ).toEqual({ mode: 'jwt', issuer: 'https://id.example.com/', audience: ['newsroom-app', 'web'] });
  });

  it('has no CORS origins when CORS_ORIGINS is empty, as the construct sets it by default', () => {
    expect(readQueryConfig({ ...base, CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
  });

  it.each([
    [{ CURSOR_SECRET_ARN: ARN }, /TABLE_NAME is required/],
    [{ TABLE_NAME: 'articles' }, /exactly one of CURSOR_SECRET and CURSOR_SECRET_ARN/],
    [{ ...base, CURSOR_SECRET: 'local-secret-0123456789' }, /exactly one/],
    [{ TABLE_NAME: 'articles', CURSOR_SECRET: 'short' }, /at least 16/],
    [{ TABLE_NAME: 'articles', CURSOR_SECRET_ARN: 'CursorSecret' }, /not an ARN/],
    [{ ...base, CORS_ORIGINS: 'app.example.com' }, /not an origin/],
    [{ ...base, CORS_ORIGINS: 'https://app.example.com/path' }, /not an origin/],
    [{ ...base, POWERTOOLS_LOG_LEVEL: 'LOUD' }, /not a level/],
    [{ ...base, API_AUTH: 'cognito' }, /API_AUTH must be iam or jwt/],
    [{ ...base, API_AUTH: 'jwt' }, /needs JWT_ISSUER/],
    [{ ...base, STORY_WINDOW_HOURS: '0' }, /STORY_WINDOW_HOURS/],
  ])('fails the cold start on bad config: %o', (env, message) => {
    expect(() => readQueryConfig(env)).toThrow(message);
  });
});

describe('loadCursorSecret', () => {
  it('uses CURSOR_SECRET without calling Secrets Manager', async () => {
    const sm = mockClient(SecretsManagerClient);
    expect(
      await loadCursorSecret({ cursorSecret: 'local-secret-0123456789' }, () => new SecretsManagerClient({})),
    ).toBe('local-secret-0123456789');
    expect(sm.calls()).toHaveLength(0);
    sm.restore();
  });

  it('fetches the secret named by CURSOR_SECRET_ARN', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: 'x'.repeat(64) });
    expect(await loadCursorSecret({ cursorSecretArn: ARN }, () => new SecretsManagerClient({}))).toBe(
      'x'.repeat(64),
    );
    sm.restore();
  });

  it('fails when the secret is empty or cannot be read', async () => {
    const sm = mockClient(SecretsManagerClient);
    sm.on(GetSecretValueCommand).resolves({ SecretString: '' });
    await expect(
      loadCursorSecret({ cursorSecretArn: ARN }, () => new SecretsManagerClient({})),
    ).rejects.toThrow(/empty/);
    sm.on(GetSecretValueCommand).rejects(
      Object.assign(new Error('denied'), { name: 'AccessDeniedException' }),
    );
    await expect(
      loadCursorSecret({ cursorSecretArn: ARN }, () => new SecretsManagerClient({})),
    ).rejects.toThrow(/denied/);
    sm.restore();
  });
});
