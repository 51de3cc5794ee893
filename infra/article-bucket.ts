import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * Same value as INCOMING_PREFIX in shared/process.ts (a test keeps them equal). Not imported from there:
 * that module pulls in the parser and tagger, which `cdk synth` has no use for.
 */
export const DEFAULT_INCOMING_PREFIX = 'incoming/';

export interface ArticleBucketProps {
  /**
   * What happens to the buckets (and, with DESTROY, their objects) when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Key prefix editors upload to; only keys under it notify the ingest queue.
   * @default DEFAULT_INCOMING_PREFIX ('incoming/')
   */
  readonly incomingPrefix?: string;
  /**
   * How long overwritten or deleted versions are kept before they expire.
   * @default Duration.days(30)
   */
  readonly noncurrentVersionExpiration?: Duration;
  /**
   * How long server access logs are kept.
   * @default Duration.days(90)
   */
  readonly accessLogExpiration?: Duration;
}

/**
 * The bucket editors drop articles into: private, TLS only, encrypted, versioned (an overwrite or a delete
 * can be undone), with server access logs in a separate bucket.
 */
export class ArticleBucket extends Construct {
  public readonly bucket: s3.Bucket;
  /** Receives the article bucket's server access logs. */
  public readonly accessLogBucket: s3.Bucket;
  public readonly incomingPrefix: string;

  constructor(scope: Construct, id: string, props: ArticleBucketProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const autoDeleteObjects = removalPolicy === RemovalPolicy.DESTROY;
    this.incomingPrefix = props.incomingPrefix ?? DEFAULT_INCOMING_PREFIX;

    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // Server access log delivery supports SSE-S3 only, not SSE-KMS.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: props.accessLogExpiration ?? Duration.days(90) }],
      removalPolicy,
      autoDeleteObjects,
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        {
          noncurrentVersionExpiration: props.noncurrentVersionExpiration ?? Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
          expiredObjectDeleteMarker: true,
        },
      ],
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'article-bucket/',
      removalPolicy,
      autoDeleteObjects,
    });
  }

  /**
   * Sends ObjectCreated and ObjectRemoved notifications for keys under the incoming prefix to `queue`.
   * S3 delivers them at least once and unordered; the ingest handler orders them by `sequencer`.
   */
  public notifyIncoming(queue: sqs.IQueue): void {
    const destination = new s3n.SqsDestination(queue);
    const filter = { prefix: this.incomingPrefix };
    this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, destination, filter);
    this.bucket.addEventNotification(s3.EventType.OBJECT_REMOVED, destination, filter);
    acknowledgeNotificationsHandler(Stack.of(this));
  }
}

/** CDK's singleton custom resource that writes the bucket notification configuration. */
function acknowledgeNotificationsHandler(stack: Stack): void {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  if (!handler) return;
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "CDK's BucketNotificationsHandler (runs only at deploy time to write the bucket's notification configuration) uses the AWS managed basic execution role; its role is not configurable.",
  });
}
