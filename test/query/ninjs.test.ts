import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../shared/model/article';
import { processArticle } from '../../shared/process';
import { rfc3339, toNinjs } from '../../shared/query/ninjs';
import { readSeed, SEED_FILES, SHARED_DIR } from '../helpers';
import { generateCorpus } from './corpus';

const ninjsSchema = JSON.parse(readFileSync(join(SHARED_DIR, 'specs', 'ninjs-schema_2.2.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
// ninjs places may carry GeoJSON by reference; newsdrop never emits it, so an open stub resolves the $ref.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
const validateNinjs = ajv.compile(ninjsSchema);

function expectValid(doc: unknown) {
  const ok = validateNinjs(doc);
  expect(validateNinjs.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const corpus = generateCorpus(200, 0, 3);
const full: ArticleRecord = {
  ...corpus[0]!,
  id: 'full1',
  title: 'Phó Thủ tướng Phạm Bình Minh tiếp Đại sứ',
  lede: 'Chiều 1/5, tại Hà Nội…',
  body: 'Chiều 1/5, tại Hà Nội, Phó Thủ tướng Phạm Bình Minh đã tiếp…',
  captions: ['Phó Thủ tướng tiếp Đại sứ. Ảnh: TTXVN'],
  category: ['Thời sự', 'Chính trị'],
  publishedAt: '2024-05-01T15:30:00+07:00',
  authors: ['Minh Anh', 'Hồng Nhung'],
  publisher: 'VnExpress',
  url: 'https://vnexpress.net/pho-thu-tuong-tiep-dai-su-1.html',
  keywords: ['ngoại giao', 'biển Đông'],
  entities: {
    person: [{ name: 'Phạm Bình Minh', mentions: 3 }],
    organization: [{ name: 'Bộ Ngoại giao', mentions: 1 }],
    place: [
      { name: 'Hà Nội', mentions: 2, province: { code: '01', name: 'Thành phố Hà Nội' } },
      { name: 'Hoàn Kiếm', mentions: 1, province: { code: '01', name: 'Thành phố Hà Nội' } },
      { name: 'Washington', mentions: 1 },
    ],
  },
  topics: [
    { code: 'medtop:11000000', label: 'politics', score: 0.83 },
    { code: 'medtop:20000106', label: 'diplomacy', score: 1.7 },
  ],
  wordCount: 14,
};

describe('toNinjs', () => {
  it('maps every field ninjs 2.2 has a place for', () => {
    const doc = toNinjs(full);
    expectValid(doc);
    expect(doc).toMatchObject({
      uri: 'urn:newsdrop:article:full1',
      type: 'text',
      language: 'vi',
      firstcreated: '2024-05-01T15:30:00+07:00',
      versioncreated: '2024-05-01T15:30:00+07:00',
      headlines: [{ role: 'main', value: full.title }],
      descriptions: [
        { role: 'summary', value: full.lede },
        { role: 'caption', value: full.captions[0] },
      ],
      bodies: [{ role: 'main', contenttype: 'text/plain', value: full.body, wordcount: 14 }],
      by: 'Minh Anh, Hồng Nhung',
      people: [{ name: 'Phạm Bình Minh' }],
      organisations: [{ name: 'Bộ Ngoại giao' }],
      places: [
        { name: 'Hà Nội' },
        { name: 'Hoàn Kiếm' },
        { name: 'Washington' },
        { name: 'Thành phố Hà Nội', rel: 'province', literal: '01' },
      ],
      infosources: [{ name: 'VnExpress', role: 'publisher' }],
      altids: [
        { role: 'url', value: full.url },
        { role: 'newsdrop-id', value: 'full1' },
      ],
    });
    expect(doc.subjects).toEqual([
      {
        name: 'politics',
        rel: 'about',
        uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000',
        literal: 'medtop:11000000',
        confidence: 83,
      },
      {
        name: 'diplomacy',
        rel: 'about',
        uri: 'http://cv.iptc.org/newscodes/mediatopic/20000106',
        literal: 'medtop:20000106',
        confidence: 100,
      },
      { name: 'Thời sự', rel: 'category' },
      { name: 'Chính trị', rel: 'category' },
      { name: 'ngoại giao', rel: 'keyword' },
      { name: 'biển Đông', rel: 'keyword' },
    ]);
  });

  it('leaves out what the article lacks and dates it by processing time without a publication time', () => {
    const bare: ArticleRecord = {
      ...full,
      title: null,
      lede: null,
      captions: [],
      category: [],
      publishedAt: null,
      authors: [],
      publisher: null,
      url: null,
      keywords: [],
      entities: { person: [], organization: [], place: [] },
      topics: [],
      processedAt: '2025-01-02T03:04:05.678Z',
    };
    const doc = toNinjs(bare);
    expectValid(doc);
    expect(doc.versioncreated).toBe('2025-01-02T03:04:05.678Z');
    for (const key of ['firstcreated', 'headlines', 'descriptions', 'by', 'subjects', 'people', 'places']) {
      expect(doc).not.toHaveProperty(key);
    }
  });

  it('turns a publication day or a time without seconds into RFC 3339', () => {
    expect(rfc3339('2024-05-01')).toBe('2024-05-01T00:00:00+07:00');
    expect(rfc3339('2024-05-01T09:05+07:00')).toBe('2024-05-01T09:05:00+07:00');
    expect(rfc3339('2024-05-01T09:05:07.5Z')).toBe('2024-05-01T09:05:07.5Z');
    expect(rfc3339('01/05/2024')).toBeNull();
    expectValid(toNinjs({ ...full, publishedAt: '2024-05-01' }));
    expectValid(toNinjs({ ...full, publishedAt: '2024-05-01T09:05+07:00' }));
  });

  it('gives a valid ninjs document for both seed articles', () => {
    for (const name of SEED_FILES) {
      const record = processArticle({ key: `incoming/${name}` }, readSeed(name));
      expect(record.status).toBe('stored');
      const doc = toNinjs(record);
      expectValid(doc);
      expect(doc.bodies[0]!.value).toBe(record.body);
      expect(doc.uri).toBe(`urn:newsdrop:article:${record.id}`);
    }
  });

  it('gives a valid ninjs document for every generated article', () => {
    for (const record of corpus) expectValid(toNinjs(record));
  });

  it('is checked by a schema that does refuse a broken document', () => {
    expect(validateNinjs({ ...toNinjs(full), keywords: ['x'] })).toBe(false);
    expect(validateNinjs({ headlines: [] })).toBe(false);
  });
});
