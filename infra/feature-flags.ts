/**
 * CDK feature flags the stack is written against. They live here rather than only in cdk.json so the app
 * and the tests (which build an `App` directly) synthesise the same template.
 */
export const FEATURE_FLAGS: Record<string, unknown> = {
  // Server access logs are delivered through a bucket policy, not the legacy LogDeliveryWrite ACL
  // (new buckets have ACLs disabled, so the ACL path fails at deploy time).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-s3:createDefaultLoggingPolicy': true,
  '@aws-cdk/aws-s3:publicAccessBlockedByDefault': true,
  '@aws-cdk/core:enablePartitionLiterals': true,
  '@aws-cdk/core:checkSecretUsage': true,
  '@aws-cdk/aws-kms:reduceCrossAccountRegionPolicyScope': true,
};
