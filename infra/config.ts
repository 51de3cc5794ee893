/**
 * Deployment settings, read once from CDK context (`-c key=value` or cdk.json) and validated, so a typo
 * fails `cdk synth` with a clear message instead of deploying something unintended.
 */

import { parseWindowHours } from '../shared/stories/config';

/** `prod` retains and protects data on stack deletion; `dev` destroys everything. */
export type Stage = 'dev' | 'prod';

export type QueryApiAuth =
  | { readonly mode: 'iam' }
  | { readonly mode: 'jwt'; readonly issuer: string; readonly audience: readonly string[] };

export interface DeploymentConfig {
  readonly stage: Stage;
  readonly alarmEmail?: string;
  readonly auth: QueryApiAuth;
  readonly corsOrigins: readonly string[];
  /** Hours either side of an article's time within which stories gather it: ingest and query alike. */
  readonly storyWindowHours?: number;
}

/** The context keys the app reads; docs/deploy.md documents each one. */
export const CONTEXT_KEYS = [
  'stage',
  'alarmEmail',
  'authMode',
  'jwtIssuer',
  'jwtAudience',
  'corsOrigins',
  'storyWindowHours',
] as const;

type ContextReader = (key: (typeof CONTEXT_KEYS)[number]) => unknown;

function optionalString(read: ContextReader, key: (typeof CONTEXT_KEYS)[number]): string | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string')
    throw new Error(`Context "${key}" must be a string, got ${JSON.stringify(value)}`);
  return value.trim();
}

/** Accepts a comma-separated string (from `-c key=a,b`) or a JSON array (from cdk.json). */
function stringList(read: ContextReader, key: (typeof CONTEXT_KEYS)[number]): string[] {
  const value = read(key);
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (!items || items.some((item) => typeof item !== 'string')) {
    throw new Error(`Context "${key}" must be a comma-separated string or a list of strings`);
  }
  return items.map((item: string) => item.trim()).filter((item) => item.length > 0);
}

export function readDeploymentConfig(read: ContextReader): DeploymentConfig {
  const stage = optionalString(read, 'stage') ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod')
    throw new Error(`Context "stage" must be dev or prod, got "${stage}"`);

  const alarmEmail = optionalString(read, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    throw new Error(`Context "alarmEmail" is not an e-mail address: "${alarmEmail}"`);
  }

  const corsOrigins = stringList(read, 'corsOrigins');
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new Error(
        `Context "corsOrigins" entry must be an origin like https://example.com, got "${origin}"`,
      );
    }
  }

  const authMode = optionalString(read, 'authMode') ?? 'iam';
  let auth: QueryApiAuth;
  if (authMode === 'iam') {
    auth = { mode: 'iam' };
  } else if (authMode === 'jwt') {
    const issuer = optionalString(read, 'jwtIssuer');
    const audience = stringList(read, 'jwtAudience');
    if (!issuer?.startsWith('https://')) {
      throw new Error(
        'authMode=jwt needs context "jwtIssuer" (the https:// issuer URL of your identity provider)',
      );
    }
    if (audience.length === 0)
      throw new Error('authMode=jwt needs context "jwtAudience" (one or more client ids)');
    auth = { mode: 'jwt', issuer, audience };
  } else {
    throw new Error(`Context "authMode" must be iam or jwt, got "${authMode}"`);
  }

  const window = read('storyWindowHours');
  let storyWindowHours: number | undefined;
  if (window !== undefined && window !== null && window !== '') {
    try {
      storyWindowHours = parseWindowHours(String(window));
    } catch {
      throw new Error(
        `Context "storyWindowHours" must be a whole number from 1 to 720, got ${JSON.stringify(window)}`,
      );
    }
  }

  return {
    stage,
    ...(alarmEmail ? { alarmEmail } : {}),
    auth,
    corsOrigins,
    ...(storyWindowHours !== undefined && { storyWindowHours }),
  };
}
