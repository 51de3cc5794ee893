import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClientFor } from '../../local/link';
import { withoutRequestLogging } from '../../shared/store/sdk-client';

const hasLogger = (client: DynamoDBClient) =>
  client.middlewareStack.identify().some((name) => name.startsWith('loggerMiddleware'));

describe('the store’s DynamoDB client', () => {
  it('has no SDK request logging (it copies every request and answer for a logger that drops them)', () => {
    const client = new DynamoDBClient({ region: 'us-east-1' });
    expect(hasLogger(client)).toBe(true);
    expect(hasLogger(withoutRequestLogging(client))).toBe(false);
    expect(hasLogger(dynamoClientFor('http://127.0.0.1:1'))).toBe(false);
  });
});
