import { RemovalPolicy } from 'aws-cdk-lib';
import type { Stage } from './config';

/** Data survives stack deletion in prod; a dev stack cleans up after itself. */
export function dataRemovalPolicy(stage: Stage): RemovalPolicy {
  return stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}
