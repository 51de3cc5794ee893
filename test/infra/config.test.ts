import { describe, expect, it } from 'vitest';
import { readDeploymentConfig } from '../../infra/config';

const read = (context: Record<string, unknown>) => readDeploymentConfig((key) => context[key]);

describe('readDeploymentConfig', () => {
  it('defaults to a dev stage with IAM auth, no CORS and no alarm e-mail', () => {
    expect(read({})).toEqual({ stage: 'dev', auth: { mode: 'iam' }, corsOrigins: [] });
  });

  it('reads every documented key from -c key=value strings', () => {
    expect(
      read({
        stage: 'prod',
        alarmEmail: 'ops@example.com',
        authMode: 'jwt',
        jwtIssuer: 'https://id.example.com/',
        jwtAudience: 'web, mobile',
        corsOrigins: 'https://a.example.com,https://b.example.com',
        storyWindowHours: '48',
      }),
    ).toEqual({
      stage: 'prod',
      alarmEmail: 'ops@example.com',
      auth: { mode: 'jwt', issuer: 'https://id.example.com/', audience: ['web', 'mobile'] },
      corsOrigins: ['https://a.example.com', 'https://b.example.com'],
      storyWindowHours: 48,
    });
  });

  it('accepts lists from cdk.json as JSON arrays', () => {
    expect(read({ corsOrigins: ['https://a.example.com'] }).corsOrigins).toEqual(['https://a.example.com']);
  });

  it('refuses an unknown stage or auth mode instead of deploying something unintended', () => {
    expect(() => read({ stage: 'production' })).toThrow(/stage.*dev or prod/);
    expect(() => read({ authMode: 'cognito' })).toThrow(/authMode.*iam or jwt/);
  });

  it('refuses JWT auth without an https issuer and an audience', () => {
    expect(() => read({ authMode: 'jwt', jwtAudience: 'web' })).toThrow(/jwtIssuer/);
    expect(() => read({ authMode: 'jwt', jwtIssuer: 'http://id.example.com', jwtAudience: 'web' })).toThrow(
      /jwtIssuer/,
    );
    expect(() => read({ authMode: 'jwt', jwtIssuer: 'https://id.example.com' })).toThrow(/jwtAudience/);
  });

  it('refuses a malformed e-mail or CORS origin', () => {
    expect(() => read({ alarmEmail: 'ops' })).toThrow(/alarmEmail/);
    expect(() => read({ corsOrigins: 'app.example.com' })).toThrow(/corsOrigins/);
    expect(() => read({ corsOrigins: 'https://app.example.com/path' })).toThrow(/corsOrigins/);
  });

  it('refuses a story window outside 1 to 720 hours', () => {
    expect(() => read({ storyWindowHours: '0' })).toThrow(/storyWindowHours/);
    expect(() => read({ storyWindowHours: 'three days' })).toThrow(/storyWindowHours/);
    expect(read({ storyWindowHours: 24 }).storyWindowHours).toBe(24);
  });
});
