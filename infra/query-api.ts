import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { QUERY_ASSETS } from '../shared/assets';
import { DEFAULT_WINDOW_HOURS } from '../shared/stories/config';
import type { QueryApiAuth } from './config';
import { acknowledgeArnWildcard, INDEX_WILDCARD_REASON } from './nag';
import { NewsdropFunction } from './newsdrop-function';

/** POWERTOOLS_SERVICE_NAME of the query function. */
export const QUERY_SERVICE_NAME = 'newsdrop-query';

export interface QueryApiProps {
  /** The article table; the function only reads it. */
  readonly table: dynamodb.ITableV2;
  /**
   * Who may call the API: SigV4-signed IAM principals, or bearer JWTs from an OIDC issuer.
   * @default { mode: 'iam' }
   */
  readonly auth?: QueryApiAuth;
  /**
   * Browser origins allowed by CORS; empty disables CORS (server-to-server callers need none).
   * @default []
   */
  readonly corsOrigins?: readonly string[];
  /**
   * HTTP methods routed to the query function (the app answers HEAD like GET, without the body). OPTIONS
   * stays unrouted so API Gateway answers CORS preflights without authorisation.
   * @default [HttpMethod.GET, HttpMethod.HEAD]
   */
  readonly methods?: readonly apigw.HttpMethod[];
  /**
   * Steady-state requests per second across the default stage.
   * @default 50
   */
  readonly throttleRateLimit?: number;
  /**
   * Burst of requests the default stage accepts above the rate.
   * @default 100
   */
  readonly throttleBurstLimit?: number;
  /**
   * Handler module of the query function.
   * @default functions/query.ts
   */
  readonly entry?: string;
  /**
   * Query function timeout (API Gateway gives up at 30 s).
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /**
   * Powertools log level.
   * @default 'INFO'
   */
  readonly logLevel?: string;
  /**
   * The story window (`STORY_WINDOW_HOURS`), the same as the ingest pipeline's: copies are looked up in it.
   * @default 72
   */
  readonly storyWindowHours?: number;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetentionDays?: logs.RetentionDays;
  /**
   * Removal policy of the log groups and the cursor secret.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The HTTP API downstream apps query: every route authorised (IAM by default), the default stage throttled
 * and access-logged, CORS only for the configured origins.
 */
export class QueryApi extends Construct {
  public readonly httpApi: apigw.HttpApi;
  public readonly stage: apigw.HttpStage;
  public readonly function: NewsdropFunction;
  /** Key material for sealing pagination cursors, so clients cannot forge or read them. */
  public readonly cursorSecret: secretsmanager.Secret;
  public readonly accessLogGroup: logs.LogGroup;
  /** The API's base URL (ends with a slash). */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: QueryApiProps) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const corsOrigins = [...(props.corsOrigins ?? [])];
    const auth = props.auth ?? { mode: 'iam' };
    const methods = [...(props.methods ?? [apigw.HttpMethod.GET, apigw.HttpMethod.HEAD])];

    this.cursorSecret = new secretsmanager.Secret(this, 'CursorSecret', {
      description: 'Key for sealing query API pagination cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy,
    });
    Validations.of(this.cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret only seals short-lived pagination cursors (which carry table keys, not data); rotating it would just invalidate cursors in flight, and a redeploy can replace it.',
    });

    this.function = new NewsdropFunction(this, 'Function', {
      entry: props.entry ?? join(import.meta.dirname, '..', 'functions', 'query.ts'),
      description: 'Serves the newsdrop query API',
      timeout: props.timeout ?? Duration.seconds(10),
      memorySize: props.memorySize ?? 512,
      logRetentionDays: props.logRetentionDays,
      logGroupRemovalPolicy: removalPolicy,
      dataFiles: QUERY_ASSETS,
      environment: {
        TABLE_NAME: props.table.tableName,
        CURSOR_SECRET_ARN: this.cursorSecret.secretArn,
        CORS_ORIGINS: corsOrigins.join(','),
        // What the OpenAPI document declares; API Gateway enforces it (the authorizer below).
        API_AUTH: auth.mode,
        ...(auth.mode === 'jwt' && { JWT_ISSUER: auth.issuer, JWT_AUDIENCE: auth.audience.join(',') }),
        POWERTOOLS_SERVICE_NAME: QUERY_SERVICE_NAME,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        STORY_WINDOW_HOURS: String(props.storyWindowHours ?? DEFAULT_WINDOW_HOURS),
      },
    });
    // Only what the reader sends (shared/store: GetItem, Query, BatchGetItem): no Scan, no streams.
    props.table.grant(this.function, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem');
    acknowledgeArnWildcard(this.function.executionRole, props.table, '/index/*', INDEX_WILDCARD_REASON);
    this.cursorSecret.grantRead(this.function);

    const authorizer =
      auth.mode === 'jwt'
        ? new HttpJwtAuthorizer('JwtAuthorizer', auth.issuer, { jwtAudience: [...auth.audience] })
        : new HttpIamAuthorizer();

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'newsdrop article query API',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      ...(corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: corsOrigins,
              // What is routed, plus the preflight API Gateway answers itself.
              allowMethods: [
                ...methods.map((method) => method as string as apigw.CorsHttpMethod),
                apigw.CorsHttpMethod.OPTIONS,
              ],
              allowHeaders: ['authorization', 'content-type', 'x-amz-date', 'x-amz-security-token'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetentionDays ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy,
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRateLimit ?? 50, burstLimit: props.throttleBurstLimit ?? 100 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogGroup),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            caller: '$context.identity.userArn',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.url = this.stage.url;

    const integration = new HttpLambdaIntegration('QueryIntegration', this.function);
    this.httpApi.addRoutes({ path: '/', methods, integration });
    this.httpApi.addRoutes({ path: '/{proxy+}', methods, integration });
  }
}
