import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleJsonSchema, validateArticle } from '../../shared/model/article';
import { countWords, processArticle, rejectedRecord } from '../../shared/process';
import { readSeed, SEED_FILES } from '../helpers';

const seedRecords = SEED_FILES.map((name) => processArticle({ key: name }, readSeed(name)));

describe('article record validator', () => {
  it.each(SEED_FILES.map((name, i) => [name, seedRecords[i]]))(
    'accepts the record of seed %s',
    (_name, record) => {
      expect(validateArticle(record)).toEqual({ ok: true, record });
    },
  );

  it.each(['id', 'status', 'source', 'body', 'entities', 'topics', 'wordCount', 'processorVersion'])(
    'rejects a record missing the required field %s',
    (field) => {
      const record: Record<string, unknown> = { ...seedRecords[0] };
      delete record[field];
      const result = validateArticle(record);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.join('\n')).toContain(field);
    },
  );

  it('rejects a rejected record without its rejection', () => {
    const record = { ...rejectedRecord({ key: 'a.txt', size: 0 }, { code: 'empty_file', message: 'empty' }) };
    delete (record as Record<string, unknown>).rejection;
    expect(validateArticle(record).ok).toBe(false);
  });

  it('rejects a stored record with no language and a topic code that is not IPTC', () => {
    const base = seedRecords[0]!;
    expect(validateArticle({ ...base, language: null }).ok).toBe(false);
    expect(validateArticle({ ...base, topics: [{ code: 'politics', label: 'x', score: 1 }] }).ok).toBe(false);
  });

  it('rejects a publish date without an offset', () => {
    expect(validateArticle({ ...seedRecords[0], publishedAt: '2017-12-26T14:03:00' }).ok).toBe(false);
    expect(validateArticle({ ...seedRecords[0], publishedAt: '2017-12-26T14:03:00+07:00' }).ok).toBe(true);
    expect(validateArticle({ ...seedRecords[0], publishedAt: '2020-01-17' }).ok).toBe(true);
  });

  it('exports a JSON Schema that lists the contract fields as required', () => {
    const schema = articleJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    for (const field of ['id', 'status', 'source', 'format', 'title', 'entities', 'topics', 'wordCount']) {
      expect(schema.required).toContain(field);
    }
    expect(Object.keys(schema.properties)).toContain('rejection');
  });
});

describe('word count', () => {
  it('counts tokens holding a letter or digit, whatever the white space, and not lone punctuation', () => {
    expect(countWords('Hội nghị - ASEAN 2020 / .')).toBe(4);
    expect(countWords('  Đà\tNẵng\n\nngày\u00a026/12 ')).toBe(4);
    expect(countWords('')).toBe(0);
  });

  it('counts what splitting on white space and testing each token counts', () => {
    const plainCountWords = (text: string) =>
      text.split(/[ \n\t\r\u00a0]+/).filter((token) => /[0-9A-Za-z\u00c0-\u1fff]/.test(token)).length;
    const text = fc
      .array(
        fc.constantFrom('Đà', 'a', '9', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '-', '/', '😀', '\u00bf'),
        {
          maxLength: 30,
        },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(countWords(t)).toBe(plainCountWords(t));
      }),
      { numRuns: 2000 },
    );
  });
});
