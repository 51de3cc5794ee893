/**
 * The served OpenAPI document passes Redocly CLI's `recommended` rules and Spectral's `spectral:oas`, for
 * both authorisations a deployment can have: no errors, and no warning without a reason written here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type ApiAuth, openApiDocument } from '../../shared/query/openapi';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const run = promisify(execFile);

/** Warnings the document keeps on purpose, by rule id, with the reason. */
const EXPLAINED_WARNINGS: Record<string, string> = {
  'no-server-example.com':
    'The second server is the local stack (`npm start`), which does listen on localhost; the deployed server comes first.',
};

const AUTHS: [string, ApiAuth][] = [
  ['IAM (the default)', { mode: 'iam' }],
  ['JWT', { mode: 'jwt', issuer: 'https://id.example.com/', audience: ['newsroom-app'] }],
];

const dir = mkdtempSync(join(tmpdir(), 'newsdrop-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeDocument(auth: ApiAuth): string {
  const file = join(dir, `openapi-${auth.mode}.json`);
  writeFileSync(file, JSON.stringify(openApiDocument(auth), null, 2));
  return file;
}

/** Runs a linter that exits non-zero on findings; its JSON report is on stdout either way. */
async function report(command: string, args: string[]): Promise<string> {
  const env = {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    NO_COLOR: '1',
  };
  try {
    return (await run(join(BIN, command), args, { cwd: ROOT, env, maxBuffer: 16 << 20 })).stdout;
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return stdout;
  }
}

interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'other';
  where: string;
  message: string;
}

async function redocly(file: string): Promise<Finding[]> {
  const out = JSON.parse(
    await report('redocly', ['lint', '--extends', 'recommended', '--format', 'json', file]),
  ) as {
    problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
  };
  return out.problems.map((p) => ({
    rule: p.ruleId,
    severity: p.severity === 'error' ? 'error' : p.severity === 'warn' ? 'warning' : 'other',
    where: p.location[0]?.pointer ?? '',
    message: p.message,
  }));
}

async function spectral(file: string): Promise<Finding[]> {
  const out = JSON.parse(
    await report('spectral', [
      'lint',
      file,
      '--ruleset',
      join(ROOT, '.spectral.yaml'),
      '--format',
      'json',
      '--quiet',
    ]),
  ) as { code: string; severity: number; message: string; path: string[] }[];
  return out.map((p) => ({
    rule: p.code,
    severity: p.severity === 0 ? 'error' : p.severity === 1 ? 'warning' : 'other',
    where: p.path.join('.'),
    message: p.message,
  }));
}

function unexplained(findings: Finding[]): Finding[] {
  return findings.filter(
    (f) => f.severity === 'error' || (f.severity === 'warning' && !(f.rule in EXPLAINED_WARNINGS)),
  );
}

describe.each(AUTHS)('the OpenAPI document with %s authorisation', (_name, auth) => {
  const file = writeDocument(auth);

  it("passes Redocly CLI's recommended rules", { timeout: 60_000 }, async () => {
    expect(unexplained(await redocly(file))).toEqual([]);
  });

  it("passes Spectral's spectral:oas rules", { timeout: 60_000 }, async () => {
    expect(unexplained(await spectral(file))).toEqual([]);
  });
});

describe('the linters', () => {
  it('do report a broken document', { timeout: 60_000 }, async () => {
    const broken = structuredClone(openApiDocument()) as Record<string, Record<string, unknown>>;
    delete broken.info!.license;
    delete broken.info!.contact;
    broken.security = undefined as never;
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    expect(unexplained(await redocly(file)).map((f) => f.rule)).toEqual(
      expect.arrayContaining(['security-defined', 'info-license']),
    );
    expect(unexplained(await spectral(file)).map((f) => f.rule)).toContain('info-contact');
  });
});
