import type { ArticleRecord } from '../../shared/model/article';

/** A valid stored record with sensible defaults; tests override what they look at. */
export function makeRecord(id: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id,
    status: 'stored',
    source: { bucket: 'newsdrop-articles', key: `incoming/${id}.txt`, size: 10, sha256: '0'.repeat(64) },
    format: 'text',
    encoding: 'utf-8',
    language: 'vi',
    title: `Bài ${id}`,
    lede: null,
    body: `Nội dung ${id}`,
    captions: [],
    category: [],
    publishedAt: '2024-05-01T10:00:00+07:00',
    authors: [],
    publisher: null,
    url: null,
    keywords: [],
    entities: { person: [], organization: [], place: [] },
    topics: [],
    wordCount: 3,
    processorVersion: 'test',
    processedAt: '2024-05-02T00:00:00.000Z',
    ...overrides,
  };
}
