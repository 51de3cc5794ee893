import { RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { ArticleBucket, DEFAULT_INCOMING_PREFIX } from '../../infra/article-bucket';
import { INCOMING_PREFIX } from '../../shared/process';
import { logicalId, testStack } from './synth';

function build(removalPolicy?: RemovalPolicy) {
  const stack = testStack();
  const articles = new ArticleBucket(stack, 'Articles', removalPolicy ? { removalPolicy } : {});
  const queue = new sqs.Queue(stack, 'Queue');
  articles.notifyIncoming(queue);
  return { articles, queue, template: Template.fromStack(stack) };
}

const { articles, queue, template } = build();
const bucketId = logicalId(articles.bucket);
const logBucketId = logicalId(articles.accessLogBucket);

describe('ArticleBucket', () => {
  it('uses the same upload prefix as the ingest code', () => {
    expect(DEFAULT_INCOMING_PREFIX).toBe(INCOMING_PREFIX);
    expect(articles.incomingPrefix).toBe('incoming/');
  });

  it('blocks every kind of public access on both buckets', () => {
    for (const id of [bucketId, logBucketId]) {
      expect(template.toJSON().Resources[id].Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
  });

  it('encrypts both buckets at rest and disables ACLs', () => {
    for (const id of [bucketId, logBucketId]) {
      const props = template.toJSON().Resources[id].Properties;
      expect(
        props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
      ).toEqual({
        SSEAlgorithm: 'AES256',
      });
      expect(props.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    }
  });

  it('denies every request that does not use TLS, on both buckets', () => {
    for (const id of [bucketId, logBucketId]) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('keeps old versions for a while so an overwrite or delete can be undone, then expires them', () => {
    const props = template.toJSON().Resources[bucketId].Properties;
    expect(props.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(props.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
    ]);
  });

  it('writes server access logs to the log bucket, which S3 logging may write to', () => {
    const props = template.toJSON().Resources[bucketId].Properties;
    expect(props.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logBucketId },
      LogFilePrefix: 'article-bucket/',
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:PutObject',
            Principal: { Service: 'logging.s3.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('sends created and removed events for the incoming/ prefix only to the queue', () => {
    const queueArn = { 'Fn::GetAtt': [logicalId(queue), 'Arn'] };
    const filter = { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } };
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: bucketId },
      NotificationConfiguration: {
        QueueConfigurations: [
          { Events: ['s3:ObjectCreated:*'], Filter: filter, QueueArn: queueArn },
          { Events: ['s3:ObjectRemoved:*'], Filter: filter, QueueArn: queueArn },
        ],
      },
    });
  });

  it('lets only this bucket send messages to the queue', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId, 'Arn'] } } },
          }),
        ]),
      },
    });
  });

  it('retains the buckets by default and empties and deletes them when asked to destroy', () => {
    const retained = template.toJSON().Resources[bucketId];
    expect(retained.DeletionPolicy).toBe('Retain');
    expect(template.findResources('Custom::S3AutoDeleteObjects')).toEqual({});

    const destroyed = build(RemovalPolicy.DESTROY).template;
    expect(destroyed.toJSON().Resources[bucketId].DeletionPolicy).toBe('Delete');
    destroyed.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });
});
