import { type App, type Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { newsdropStack, testApp, testStack } from './synth';

type Violation = { ruleName: string; violatingResources: { constructPath: string }[] };

function findings(stack: Stack, options: { ignoreAcknowledgements?: boolean } = {}): Violation[] {
  const pack = new AwsSolutionsChecks();
  if (options.ignoreAcknowledgements) Object.defineProperty(pack, 'isAcknowledged', { value: () => false });
  return pack.validateScope(stack).violations as Violation[];
}

function acknowledgements(stack: Stack): { path: string; id: string; reason: string }[] {
  return stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

function appWithNag(): App {
  const app = testApp();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

const dev = newsdropStack({}, appWithNag());
const prod = newsdropStack(
  {
    stage: 'prod',
    alarmEmail: 'ops@example.com',
    auth: { mode: 'jwt', issuer: 'https://id.example.com/', audience: ['newsroom'] },
    corsOrigins: ['https://app.example.com'],
  },
  appWithNag(),
);

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the dev stack (IAM auth, no CORS)', () => {
    expect(findings(dev)).toEqual([]);
  });

  it('finds nothing unacknowledged in a prod stack with JWT auth, CORS and an alarm e-mail', () => {
    expect(findings(prod)).toEqual([]);
  });

  it('lets both stacks synthesise with the pack registered as a validation plugin, with no errors or warnings', () => {
    for (const stack of [dev, prod]) {
      const annotations = Annotations.fromStack(stack); // synthesises; a violation would throw here
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    }
  });

  it('acknowledges only findings that really occur, each with a specific written reason', () => {
    for (const stack of [dev, prod]) {
      const raw = findings(stack, { ignoreAcknowledgements: true });
      const acks = acknowledgements(stack);
      expect(acks.length).toBeGreaterThan(0);
      for (const ack of acks) {
        expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThan(60);
        const silenced = raw.some(
          (violation) =>
            violation.ruleName === ack.id &&
            violation.violatingResources.some((resource) =>
              resource.constructPath.startsWith(`${ack.path}/`),
            ),
        );
        expect(silenced, `${ack.id} on ${ack.path} silences nothing`).toBe(true);
      }
    }
  });

  it('would report an insecure bucket, so a clean result means something', () => {
    const stack = testStack();
    new s3.Bucket(stack, 'Insecure', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    const rules = findings(stack).map((violation) => violation.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});
