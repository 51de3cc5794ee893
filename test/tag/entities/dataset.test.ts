import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFromDisk, DATASET_FILE } from '../../../shared/tag/entities/build/build-dataset';
import {
  buildDataset,
  normaliseDanesText,
  parseInline,
  splitOf,
  toJsonl,
  wholeWordOccurrences,
} from '../../../shared/tag/entities/build/dataset';

// Hand-written stand-in for the DANeS export (never corpus text).
const DANES = JSON.stringify([
  {
    id: 7,
    data: {
      text: ' Hà Nội đón khách\u2028Hà Nội ',
      meta: { description: 'Ông Lê Văn Tám ở Hà Nội và Hà Nộii.' },
    },
  },
  { id: 8, data: { text: '\t', meta: { description: 'Sở Y tế tỉnh Phú Yên họp.' } } },
]);

describe('entity dataset build', () => {
  it('normalises DANeS text as the labellers worklist does', () => {
    expect(normaliseDanesText(' a\u2028b\x85c\t ')).toBe('a b c');
    expect(normaliseDanesText('e\u0301')).toBe('é');
  });

  it('labels every whole-word occurrence of a Format A surface, and only whole words', () => {
    expect(wholeWordOccurrences('Hà Nội, Hà Nộii, xHà Nội, Hà Nội', 'Hà Nội')).toEqual([
      [0, 6],
      [26, 32],
    ]);
    const { records, problems } = buildDataset(
      DANES,
      [{ name: 'danes/A.tsv', content: '7\ttitle\tLOC:Hà Nội\n7\tlede\tPER:Lê Văn Tám | LOC:Hà Nội\n' }],
      [],
    );
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.id, r.text, r.spans.map((s) => r.text.slice(s.start, s.end))])).toEqual([
      ['danes:7:title', 'Hà Nội đón khách Hà Nội', ['Hà Nội', 'Hà Nội']],
      ['danes:7:lede', 'Ông Lê Văn Tám ở Hà Nội và Hà Nộii.', ['Lê Văn Tám', 'Hà Nội']],
    ]);
    expect(records[0]?.licence).toBe('CC-BY-4.0');
    expect(records[0]?.attribution).toContain('DANeS');
  });

  it('reports and skips malformed lines instead of failing', () => {
    const { records, problems } = buildDataset(
      DANES,
      [
        {
          name: 'danes/B.tsv',
          content:
            '99\ttitle\tLOC:X\n8\ttitle\t\n8\tlede\tXYZ:Sở | ORG:Sở Y tế tỉnh Phú Yên | LOC:Phú Yên | LOC:Quy Nhơn\n8\tlede\t\n',
        },
      ],
      [
        {
          name: 'written/w-01.txt',
          content: 'orphan\n# doc w-01-1 section=health\nok [[ORG:Bộ [[LOC:X\n[[PER:An]] khỏe.\n',
        },
      ],
    );
    expect(records.map((r) => r.id)).toEqual(['danes:8:lede', 'written:w-01-1:2']);
    expect(records[0]?.spans.map((s) => s.label)).toEqual(['ORG', 'LOC']);
    expect(problems).toHaveLength(7);
  });

  it('reads nested inline marks of written text into offsets', () => {
    const parsed = parseInline('Sáng nay, [[ORG:Sở Y tế tỉnh [[LOC:Phú Yên]]]] họp.');
    expect(parsed).toEqual({
      text: 'Sáng nay, Sở Y tế tỉnh Phú Yên họp.',
      spans: [
        { start: 23, end: 30, label: 'LOC' },
        { start: 10, end: 30, label: 'ORG' },
      ],
    });
    expect(parseInline('[[MISC:x]]')).toMatch(/bad tag/);
  });

  it('splits by document, deterministically, about 80/10/10', () => {
    expect(splitOf('written:w1-01-3')).toBe(splitOf('written:w1-01-3'));
    const counts = { train: 0, dev: 0, test: 0 };
    for (let i = 0; i < 2000; i++) counts[splitOf(`doc:${i}`)]++;
    expect(counts.train).toBeGreaterThan(1500);
    expect(counts.dev).toBeGreaterThan(120);
    expect(counts.test).toBeGreaterThan(120);
  });

  it('data/entities/entities.jsonl is what npm run build:entities makes from the sources (not stale)', () => {
    expect(readFileSync(DATASET_FILE, 'utf8')).toBe(toJsonl(buildFromDisk().records));
  });
});
