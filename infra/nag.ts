import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges the cdk-nag AwsSolutions-IAM5 finding for one grant-generated ARN wildcard, e.g.
 * `<Table.Arn>/index/*`, on `grantee` (the role whose policy holds it). The finding id names the resource's
 * logical id, so it is derived here rather than hard-coded.
 */
export function acknowledgeArnWildcard(
  grantee: IConstruct,
  resource: IConstruct,
  suffix: string,
  reason: string,
) {
  const element = resource.node.defaultChild;
  if (!CfnElement.isCfnElement(element)) return; // an imported resource: its ARN is a literal, not <Id.Arn>
  const logicalId = Stack.of(element).resolve(element.logicalId);
  Validations.of(grantee).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>${suffix}]`,
    reason,
  });
}

export const INDEX_WILDCARD_REASON =
  'Granted by TableV2 grant methods: Query on the global secondary indexes needs <table ARN>/index/*; the table has only the indexes defined in shared/store/table.ts.';
