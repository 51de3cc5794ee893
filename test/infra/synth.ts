/** Builds stacks for the infra tests. Bundling is skipped (one test in bundle.test.ts really bundles). */
import { App, CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { DeploymentConfig } from '../../infra/config';
import { FEATURE_FLAGS } from '../../infra/feature-flags';
import { NewsdropStack } from '../../infra/newsdrop-stack';

export const DEV_CONFIG: DeploymentConfig = { stage: 'dev', auth: { mode: 'iam' }, corsOrigins: [] };

export function testApp(options: { bundle?: boolean; outdir?: string } = {}): App {
  return new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: { ...FEATURE_FLAGS, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
}

/** An empty stack to put one construct in. */
export function testStack(): Stack {
  return new Stack(testApp(), 'Test');
}

export function newsdropStack(config: Partial<DeploymentConfig> = {}, app = testApp()): NewsdropStack {
  return new NewsdropStack(app, 'Newsdrop', { ...DEV_CONFIG, ...config });
}

export interface PolicyStatementJson {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

export function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** Every statement of every AWS::IAM::Policy in the template, keyed by the policy's logical id. */
export function iamStatements(template: Template): { policy: string; statement: PolicyStatementJson }[] {
  return Object.entries(template.findResources('AWS::IAM::Policy')).flatMap(([policy, resource]) =>
    (resource.Properties.PolicyDocument.Statement as PolicyStatementJson[]).map((statement) => ({
      policy,
      statement,
    })),
  );
}

/** The logical id CloudFormation will know a construct's main resource by. */
export function logicalId(construct: IConstruct): string {
  const element = construct.node.defaultChild;
  if (!CfnElement.isCfnElement(element))
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(element).resolve(element.logicalId);
}
