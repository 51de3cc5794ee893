import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ArticleBucket } from './article-bucket';
import { ArticleStore } from './article-store';
import type { DeploymentConfig } from './config';
import { CounterAggregator } from './counter-aggregator';
import { IngestPipeline } from './ingest-pipeline';
import { Monitoring } from './monitoring';
import { QueryApi } from './query-api';
import { dataRemovalPolicy } from './stage';

export interface NewsdropStackProps extends StackProps, DeploymentConfig {}

/**
 * newsdrop on AWS: uploads to the article bucket flow through the ingest pipeline into the article store,
 * the query API reads the store, and monitoring watches both paths.
 */
export class NewsdropStack extends Stack {
  public readonly articleBucket: ArticleBucket;
  public readonly articleStore: ArticleStore;
  public readonly ingestPipeline: IngestPipeline;
  public readonly counterAggregator: CounterAggregator;
  public readonly queryApi: QueryApi;
  public readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: NewsdropStackProps) {
    super(scope, id, props);
    const removalPolicy = dataRemovalPolicy(props.stage);

    this.articleStore = new ArticleStore(this, 'ArticleStore', {
      removalPolicy,
      deletionProtection: props.stage === 'prod',
    });
    this.articleBucket = new ArticleBucket(this, 'ArticleBucket', { removalPolicy });
    this.ingestPipeline = new IngestPipeline(this, 'IngestPipeline', {
      bucket: this.articleBucket.bucket,
      incomingPrefix: this.articleBucket.incomingPrefix,
      table: this.articleStore.table,
      ...(props.storyWindowHours !== undefined && { storyWindowHours: props.storyWindowHours }),
      removalPolicy,
    });
    this.articleBucket.notifyIncoming(this.ingestPipeline.queue);
    this.counterAggregator = new CounterAggregator(this, 'CounterAggregator', {
      table: this.articleStore.table,
      ...(props.storyWindowHours !== undefined && { storyWindowHours: props.storyWindowHours }),
      removalPolicy,
    });

    this.queryApi = new QueryApi(this, 'QueryApi', {
      table: this.articleStore.table,
      auth: props.auth,
      corsOrigins: props.corsOrigins,
      ...(props.storyWindowHours !== undefined && { storyWindowHours: props.storyWindowHours }),
      removalPolicy,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      ingestFunction: this.ingestPipeline.function,
      queryFunction: this.queryApi.function,
      ingestQueue: this.ingestPipeline.queue,
      deadLetterQueue: this.ingestPipeline.deadLetterQueue,
      httpApi: this.queryApi.httpApi,
      counterAggregator: this.counterAggregator,
      alarmEmail: props.alarmEmail,
      removalPolicy,
    });

    new CfnOutput(this, 'BucketName', {
      description: 'Bucket editors upload articles to',
      value: this.articleBucket.bucket.bucketName,
    });
    new CfnOutput(this, 'UploadPrefix', {
      description: 'Upload under this prefix: aws s3 cp FILE s3://BUCKET/PREFIX',
      value: this.articleBucket.incomingPrefix,
    });
    new CfnOutput(this, 'ApiUrl', {
      description: 'Query API base URL (SigV4 or JWT)',
      value: this.queryApi.url,
    });
    new CfnOutput(this, 'DashboardUrl', {
      description: 'CloudWatch dashboard',
      value: this.monitoring.dashboardUrl,
    });
    new CfnOutput(this, 'ArticleTableName', {
      description: 'Article table (for newsdrop reindex --table)',
      value: this.articleStore.table.tableName,
    });
    new CfnOutput(this, 'IngestQueueUrl', {
      description: 'Queue of S3 notifications the ingest function consumes',
      value: this.ingestPipeline.queue.queueUrl,
    });
    new CfnOutput(this, 'DeadLetterQueueUrl', {
      description: 'Notifications that failed ingest 5 times (newsdrop redrive --dlq-url)',
      value: this.ingestPipeline.deadLetterQueue.queueUrl,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      description: 'SNS topic alarms notify',
      value: this.monitoring.alarmTopic.topicArn,
    });
  }
}
