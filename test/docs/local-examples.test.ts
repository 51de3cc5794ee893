import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleId, processArticle } from '../../shared/process';
import { readSeed, type SEED_FILES } from '../helpers';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'local.md');

/** `stored    <path>  "<title>"  N entities[, M topic(s)][  id <id>]`, as `npm start` and `newsdrop upload` print. */
const STORED_LINE =
  /^stored {4}(\S*?([0-9a-f]{3}_[0-9a-f]{16}\.txt))\s+"([^"]*)"\s+(\d+) entit(?:y|ies)(?:, (\d+) topics?)?(?:\s+id (\w+))?/gm;

describe('docs/local.md examples', () => {
  const lines = [...readFileSync(DOC, 'utf8').matchAll(STORED_LINE)];

  it('shows the seeds being stored', () => {
    expect(lines.length).toBeGreaterThan(0);
  });

  it.each(lines.map((m) => [m[1]!, m] as const))('%s: its line says what the seed gives today', (_, m) => {
    const [, , name, title, entities, topics, id] = m;
    const record = processArticle({ key: `incoming/${name}` }, readSeed(name as (typeof SEED_FILES)[number]));
    const { person, organization, place } = record.entities;
    const shown = {
      entities: Number(entities),
      ...(topics && { topics: Number(topics) }),
      ...(id && { id }),
    };
    const today = {
      entities: person.length + organization.length + place.length,
      ...(topics && { topics: record.topics.length }),
      ...(id && { id: articleId(`incoming/${name}`) }),
    };
    expect(shown, `docs/local.md's example line for ${name} is stale: write what it gives today`).toEqual(
      today,
    );
    if (title !== '…') expect(title).toBe(record.title);
  });
});
