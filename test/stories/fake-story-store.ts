import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../../shared/store/index';
import { DEFAULT_STORY_CONFIG } from '../../shared/stories/config';
import { FakeDynamo } from '../store/fake-dynamo';

/**
 * Stores with stories on one in-memory table (`FakeDynamo`, one request at a time in its seed's order),
 * each like another container's, on one clock that every request moves on 250 ms: a run does the same
 * whatever the machine's load. `clock.ms` may be moved on by hand too.
 */
export function storiesOnFake(seed: number, startMs = Date.UTC(2024, 4, 1)) {
  const fake = new FakeDynamo(seed);
  const clock = { ms: startMs };
  const storeOn = (doc: DynamoDBDocumentClient = fake.asDocumentClient()) =>
    new DynamoArticleStore({
      doc,
      tableName: 'articles',
      stories: DEFAULT_STORY_CONFIG,
      now: () => (clock.ms += 250),
    });
  return { fake, clock, storeOn };
}
