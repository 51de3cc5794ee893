import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { describe, expect, it } from 'vitest';
import type { QueryApiProps } from '../../infra/query-api';
import { QueryApi } from '../../infra/query-api';
import { asList, iamStatements, logicalId, testStack } from './synth';

function build(props: Omit<QueryApiProps, 'table'> = {}) {
  const stack = testStack();
  const table = new dynamodb.TableV2(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    globalSecondaryIndexes: [
      { indexName: 'byFacet', partitionKey: { name: 'g', type: dynamodb.AttributeType.STRING } },
    ],
  });
  const api = new QueryApi(stack, 'Query', { table, ...props });
  return { api, table, template: Template.fromStack(stack) };
}

const { api, table, template } = build();
const resources = template.toJSON().Resources;

describe('QueryApi', () => {
  it('requires SigV4 (IAM) authorisation on every route by default', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual([
      'GET /',
      'GET /{proxy+}',
      'HEAD /',
      'HEAD /{proxy+}',
    ]);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0);
  });

  it('can authorise with JWTs from the configured issuer and audience instead', () => {
    const jwt = build({
      auth: { mode: 'jwt', issuer: 'https://id.example.com/', audience: ['newsroom-app'] },
    });
    jwt.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: 'https://id.example.com/', Audience: ['newsroom-app'] },
    });
    for (const route of Object.values(jwt.template.findResources('AWS::ApiGatewayV2::Route'))) {
      expect(route.Properties.AuthorizationType).toBe('JWT');
    }
    const fn = jwt.template.toJSON().Resources[logicalId(jwt.api.function)].Properties;
    expect(fn.Environment.Variables).toMatchObject({
      API_AUTH: 'jwt',
      JWT_ISSUER: 'https://id.example.com/',
      JWT_AUDIENCE: 'newsroom-app',
    });
  });

  it('throttles and access-logs the default stage', () => {
    const accessLogs = logicalId(api.accessLogGroup);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [accessLogs, 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
    expect(resources[accessLogs].Properties.RetentionInDays).toBe(30);
  });

  it('has no CORS unless origins are configured, then allows exactly those', () => {
    expect(
      Object.values(template.findResources('AWS::ApiGatewayV2::Api'))[0]?.Properties.CorsConfiguration,
    ).toBe(undefined);
    const cors = build({ corsOrigins: ['https://app.example.com'] });
    cors.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://app.example.com'],
        AllowMethods: ['GET', 'HEAD', 'OPTIONS'],
      }),
    });
    const fn = cors.template.toJSON().Resources[logicalId(cors.api.function)].Properties;
    expect(fn.Environment.Variables.CORS_ORIGINS).toBe('https://app.example.com');
  });

  it('configures the handler with the table, the cursor secret and Powertools settings', () => {
    const fn = resources[logicalId(api.function)].Properties;
    expect(fn.Runtime).toBe('nodejs24.x');
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: logicalId(table) },
      CURSOR_SECRET_ARN: { Ref: logicalId(api.cursorSecret) },
      CORS_ORIGINS: '',
      API_AUTH: 'iam',
      POWERTOOLS_SERVICE_NAME: 'newsdrop-query',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      STORY_WINDOW_HOURS: '72',
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
  });

  it('may only read the table with the actions the reader sends (no Scan, no streams) and the cursor secret', () => {
    const actions = iamStatements(template).flatMap(({ statement }) => asList(statement.Action));
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    expect(actions.filter((action) => !action.startsWith('dynamodb:')).sort()).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });

  it('lets only this API invoke the function', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [logicalId(api.function), 'Arn'] },
    });
  });
});
