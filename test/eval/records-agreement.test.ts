import { describe, expect, it } from 'vitest';
import type { SecondPassLabel } from '../../eval/records-agreement';
import { batchOf, recordsAgreement, recordsAgreementByBatch } from '../../eval/records-agreement';
import type { RecordLabel } from '../../eval/records-eval';

const second: SecondPassLabel = {
  id: 'r1',
  title: 'Huế mở lễ hội',
  lede: 'Sáng 3/4, Huế mở lễ hội.',
  category: ['Văn hóa'],
  publishedAt: '2026-04-03',
  authors: ['An', 'Bình'],
  publisher: 'HanoiTV',
  url: null,
  keywords: ['lễ hội', 'Huế'],
  entities: {
    person: ['Lê An'],
    organization: ['Sở Văn hóa tỉnh Huế', 'UBND thành phố Huế'],
    place: [
      { name: 'Huế', province: '46' },
      { name: 'Kim Long', province: '46' },
    ],
  },
  topics: ['medtop:01000000'],
};

const first: RecordLabel = {
  ...second,
  file: 'files/r1.txt',
  split: 'dev',
  layout: 'txt-hanoitv',
  body: '',
  captions: [],
  language: 'vi',
  lede: 'Sáng 3/4,  Huế mở lễ hội.',
  authors: ['Bình', 'An'],
  keywords: null,
  entities: {
    person: ['Lê An'],
    organization: ['UBND thành phố Huế'],
    place: [
      { name: 'Kim Long', province: null },
      { name: 'Huế', province: '46' },
    ],
  },
  topics: ['medtop:14000000'],
};

describe('records label agreement', () => {
  it('compares strings exactly, lists by F1 and in order, entities as sets, and provinces per shared place', () => {
    const a = recordsAgreement([first, { ...first, id: 'r2' }], [second]);
    expect(a.articles).toBe(1);
    expect(a.fields.title).toEqual({ n: 1, exact: 1 });
    expect(a.fields.lede?.exact).toBe(1); // spacing ignored
    expect(a.fields.authors).toEqual({ n: 1, exact: 0, f1: 1 }); // same names, other order
    expect(a.fields.keywords).toEqual({ n: 1, exact: 0, f1: 0 }); // none against two
    expect(a.fields.organization).toEqual({ n: 1, exact: 0, f1: 2 / 3 });
    expect(a.fields.place).toEqual({ n: 1, exact: 1, f1: 1 }); // other order, same set
    expect(a.fields.province).toEqual({ n: 2, exact: 0.5 });
    expect(a.fields.topic?.exact).toBe(0);
    expect(a.fields.url?.exact).toBe(1); // both none
    expect(a.differences.some((d) => d.startsWith('province') && d.includes('Kim Long'))).toBe(true);
  });

  it('tells no value from an empty one', () => {
    const a = recordsAgreement([{ ...first, url: '' }], [second]);
    expect(a.fields.url?.exact).toBe(0);
  });
});

describe('records label agreement per labeller batch', () => {
  const batches = [
    { labeller: 'f17', first: 'r01', last: 'r40' },
    { labeller: 'q13', first: 'r41', last: 'r80' },
  ];

  it('puts an id in the batch whose range holds its number', () => {
    expect(batchOf('r07', batches)?.labeller).toBe('f17');
    expect(batchOf('r40', batches)?.labeller).toBe('f17');
    expect(batchOf('r41', batches)?.labeller).toBe('q13');
    expect(batchOf('r81', batches)).toBeUndefined();
  });

  it('scores each labeller on its own sample and leaves out a batch with none', () => {
    const labels = [
      { ...first, id: 'r05' },
      { ...first, id: 'r45', title: 'Huế đóng lễ hội' },
    ];
    const sample = [
      { ...second, id: 'r05' },
      { ...second, id: 'r45' },
    ];
    const byBatch = recordsAgreementByBatch(labels, sample, batches);
    expect(byBatch.map((b) => [b.batch.labeller, b.agreement.articles])).toEqual([
      ['f17', 1],
      ['q13', 1],
    ]);
    expect(byBatch[0]?.agreement.fields.title?.exact).toBe(1);
    expect(byBatch[1]?.agreement.fields.title?.exact).toBe(0);
    expect(recordsAgreementByBatch(labels, [{ ...second, id: 'r05' }], batches)).toHaveLength(1);
  });
});
