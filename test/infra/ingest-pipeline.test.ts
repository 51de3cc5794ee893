import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { IngestPipeline, MAX_OBJECT_BYTES, VISIBILITY_TIMEOUT_FACTOR } from '../../infra/ingest-pipeline';
import { asList, iamStatements, logicalId, testStack } from './synth';

const stack = testStack();
const bucket = new s3.Bucket(stack, 'Bucket');
const table = new dynamodb.TableV2(stack, 'Table', {
  partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
  globalSecondaryIndexes: [
    { indexName: 'byFacet', partitionKey: { name: 'g', type: dynamodb.AttributeType.STRING } },
  ],
});
const pipeline = new IngestPipeline(stack, 'Ingest', { bucket, incomingPrefix: 'incoming/', table });
const template = Template.fromStack(stack);
const resources = template.toJSON().Resources;
const queueId = logicalId(pipeline.queue);
const dlqId = logicalId(pipeline.deadLetterQueue);
const functionId = logicalId(pipeline.function);
const fn = resources[functionId].Properties;

describe('IngestPipeline', () => {
  it('encrypts both queues and denies them any request without TLS', () => {
    for (const id of [queueId, dlqId]) {
      expect(resources[id].Properties.SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('moves a message to the dead-letter queue after five failed deliveries', () => {
    expect(resources[queueId].Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
      maxReceiveCount: 5,
    });
    expect(resources[dlqId].Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it('hides a message for at least six function timeouts, so a slow batch is not redelivered mid-flight', () => {
    expect(fn.Timeout).toBe(60);
    expect(resources[queueId].Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
      fn.Timeout * VISIBILITY_TIMEOUT_FACTOR,
    );
  });

  it('feeds the function in batches with partial batch responses and a bounded concurrency', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionName: { Ref: functionId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      ScalingConfig: { MaximumConcurrency: 5 },
    });
  });

  it('reserves concurrency for the function, by default as much as the queue may drive, and never less', () => {
    expect(resources[functionId].Properties.ReservedConcurrentExecutions).toBe(5);
    const other = testStack();
    expect(
      () =>
        new IngestPipeline(other, 'Ingest', {
          bucket: new s3.Bucket(other, 'Bucket'),
          incomingPrefix: 'incoming/',
          table: new dynamodb.TableV2(other, 'Table', {
            partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
          }),
          maxConcurrency: 10,
          reservedConcurrency: 4,
        }),
    ).toThrow(/at least maxConcurrency/);
  });

  it('runs the ingest handler on Node.js 24 on arm64 with tracing and source maps', () => {
    expect(fn.Runtime).toBe('nodejs24.x');
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
    expect(fn.Handler).toBe('index.handler');
    expect(fn.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
  });

  it('configures the handler through the environment variables it reads', () => {
    expect(fn.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: logicalId(table) },
      INCOMING_PREFIX: 'incoming/',
      MAX_OBJECT_BYTES: String(MAX_OBJECT_BYTES),
      STORY_WINDOW_HOURS: '72',
      POWERTOOLS_SERVICE_NAME: 'newsdrop-ingest',
      POWERTOOLS_METRICS_NAMESPACE: 'newsdrop',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
    expect(MAX_OBJECT_BYTES).toBe(5_242_880);
  });

  it('logs to its own log group with a retention', () => {
    const logGroupId = logicalId(pipeline.function.functionLogGroup);
    expect(fn.LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
    expect(resources[logGroupId].Properties.RetentionInDays).toBe(30);
  });

  it('may only read uploads under incoming/ (and see which keys exist), use the table, consume the queue, log and trace', () => {
    const tableArn = { 'Fn::GetAtt': [logicalId(table), 'Arn'] };
    const granted = iamStatements(template).map(({ statement }) => ({
      actions: asList(statement.Action).sort(),
      resources: asList(statement.Resource),
    }));
    expect(granted).toEqual([
      { actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] },
      {
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [{ 'Fn::GetAtt': [logicalId(pipeline.function.functionLogGroup), 'Arn'] }],
      },
      {
        actions: ['s3:GetObject'],
        resources: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(bucket), 'Arn'] }, '/incoming/*']] }],
      },
      // So a key deleted since its event reads as 404 NoSuchKey rather than 403.
      { actions: ['s3:ListBucket'], resources: [{ 'Fn::GetAtt': [logicalId(bucket), 'Arn'] }] },
      {
        actions: expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']),
        resources: [tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }],
      },
      {
        actions: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }],
      },
      {
        actions: expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']),
        resources: [{ 'Fn::GetAtt': [queueId, 'Arn'] }],
      },
    ]);
    const allActions = granted.flatMap((g) => g.actions as string[]);
    expect(allActions.filter((action) => action.includes('*'))).toEqual([]);
    for (const forbidden of [
      'dynamodb:DeleteTable',
      'dynamodb:UpdateTable',
      's3:PutObject',
      's3:DeleteObject',
    ]) {
      expect(allActions).not.toContain(forbidden);
    }
  });
});
