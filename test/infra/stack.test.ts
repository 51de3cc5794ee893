import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { asList, iamStatements, logicalId, newsdropStack } from './synth';

const dev = newsdropStack();
const devTemplate = Template.fromStack(dev);
const prod = newsdropStack({ stage: 'prod' });
const prodTemplate = Template.fromStack(prod);

/** Grant-generated ARN wildcards the stack is allowed to have, each explained in a cdk-nag acknowledgement. */
const EXPLAINED_ARN_SUFFIXES = ['/incoming/*', '/index/*'];

describe('NewsdropStack', () => {
  it('outputs the bucket name, upload prefix, API URL, dashboard URL and what the operator CLI needs', () => {
    const outputs = devTemplate.toJSON().Outputs;
    expect(outputs.BucketName.Value).toEqual({ Ref: logicalId(dev.articleBucket.bucket) });
    expect(outputs.UploadPrefix.Value).toBe('incoming/');
    expect(JSON.stringify(outputs.ApiUrl.Value)).toContain(logicalId(dev.queryApi.httpApi));
    expect(JSON.stringify(outputs.DashboardUrl.Value)).toContain('#dashboards:name=');
    expect(JSON.stringify(outputs.DashboardUrl.Value)).toContain(logicalId(dev.monitoring.dashboard));
    expect(outputs.ArticleTableName.Value).toEqual({ Ref: logicalId(dev.articleStore.table) });
    expect(outputs.DeadLetterQueueUrl.Value).toEqual({ Ref: logicalId(dev.ingestPipeline.deadLetterQueue) });
    expect(outputs.IngestQueueUrl.Value).toEqual({ Ref: logicalId(dev.ingestPipeline.queue) });
  });

  it('wires uploads to the ingest queue and both functions to the same table', () => {
    const notifications = Object.values(devTemplate.findResources('Custom::S3BucketNotifications'))[0];
    const queueArns = notifications?.Properties.NotificationConfiguration.QueueConfigurations.map(
      (config: { QueueArn: unknown }) => config.QueueArn,
    );
    const queueArn = { 'Fn::GetAtt': [logicalId(dev.ingestPipeline.queue), 'Arn'] };
    expect(queueArns).toEqual([queueArn, queueArn]);
    const tableRef = { Ref: logicalId(dev.articleStore.table) };
    for (const fn of [dev.ingestPipeline.function, dev.queryApi.function]) {
      const props = devTemplate.toJSON().Resources[logicalId(fn)].Properties;
      expect(props.Environment.Variables.TABLE_NAME).toEqual(tableRef);
    }
  });

  it('gives the ingest, query and counter functions the same story window', () => {
    const narrow = newsdropStack({ storyWindowHours: 24 });
    const resources = Template.fromStack(narrow).toJSON().Resources;
    for (const fn of [
      narrow.ingestPipeline.function,
      narrow.queryApi.function,
      narrow.counterAggregator.function,
    ]) {
      expect(resources[logicalId(fn)].Properties.Environment.Variables.STORY_WINDOW_HOURS).toBe('24');
    }
  });

  it('grants no wildcard action, and no wildcard resource except X-Ray and the explained ARN patterns', () => {
    const statements = iamStatements(devTemplate).map(({ statement }) => statement);
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      const actions = asList(statement.Action);
      expect(actions.filter((action) => action.includes('*'))).toEqual([]);
      for (const resource of asList(statement.Resource)) {
        if (resource === '*') {
          expect(actions.every((action) => action.startsWith('xray:'))).toBe(true);
        } else if (typeof resource === 'string') {
          expect(resource).not.toContain('*');
        } else {
          const rendered = JSON.stringify(resource);
          if (rendered.includes('*')) {
            expect(EXPLAINED_ARN_SUFFIXES.some((suffix) => rendered.endsWith(`"${suffix}"]]}`))).toBe(true);
          }
        }
      }
    }
  });

  it('gives every function a role of its own with no managed policies', () => {
    for (const fn of [dev.ingestPipeline.function, dev.queryApi.function]) {
      const role = devTemplate.toJSON().Resources[logicalId(fn.executionRole)];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
      ]);
    }
  });

  it('retains and deletion-protects data in prod', () => {
    const resources = prodTemplate.toJSON().Resources;
    const table = resources[logicalId(prod.articleStore.table)];
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
    for (const bucket of [prod.articleBucket.bucket, prod.articleBucket.accessLogBucket]) {
      expect(resources[logicalId(bucket)].DeletionPolicy).toBe('Retain');
    }
    expect(resources[logicalId(prod.ingestPipeline.function.functionLogGroup)].DeletionPolicy).toBe('Retain');
    prodTemplate.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('destroys everything, emptying the buckets first, when a dev stack is deleted', () => {
    const resources = devTemplate.toJSON().Resources;
    const table = resources[logicalId(dev.articleStore.table)];
    expect(table.DeletionPolicy).toBe('Delete');
    expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(false);
    for (const bucket of [dev.articleBucket.bucket, dev.articleBucket.accessLogBucket]) {
      expect(resources[logicalId(bucket)].DeletionPolicy).toBe('Delete');
    }
    for (const [id, resource] of Object.entries(devTemplate.findResources('AWS::Logs::LogGroup'))) {
      expect(resource.DeletionPolicy, id).toBe('Delete');
    }
    devTemplate.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });
});
