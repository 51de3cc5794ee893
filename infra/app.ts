/**
 * The CDK app: `npx cdk synth|deploy` runs this (see cdk.json). Settings come from context, e.g.
 * `npx cdk deploy -c stage=prod -c alarmEmail=ops@example.com`; docs/deploy.md lists them.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeploymentConfig } from './config';
import { FEATURE_FLAGS } from './feature-flags';
import { NewsdropStack } from './newsdrop-stack';

const app = new App({ context: FEATURE_FLAGS });
const config = readDeploymentConfig((key) => app.node.tryGetContext(key));

new NewsdropStack(app, config.stage === 'prod' ? 'Newsdrop' : `Newsdrop-${config.stage}`, {
  ...config,
  description: `newsdrop (${config.stage}): S3 article uploads -> parse, tag -> DynamoDB -> HTTP query API`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  tags: { project: 'newsdrop', stage: config.stage },
});

// Every finding of the AWS Solutions pack fails synthesis unless acknowledged with a reason beside it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
