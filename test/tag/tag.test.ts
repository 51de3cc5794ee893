import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../shared/model/article';
import { STAGES, type Stage } from '../../shared/model/stages';
import { parsedArticle } from '../../shared/parse/types';
import { processArticle } from '../../shared/process';
import { MAX_ENTITIES_PER_TYPE, tagArticle } from '../../shared/tag/index';
import { readSeed, SEED_FILES } from '../helpers';

const parsed = parsedArticle;

const english = parsed({
  title: 'Vietnam raises minimum wage from July',
  body:
    'The government of Vietnam said on Monday that the minimum wage will rise by six percent from July. ' +
    'Prime Minister Pham Minh Chinh told reporters in Hanoi that the increase was needed for workers.',
});

const englishText = `${english.title}\n\n${english.body}`;

describe('tagArticle', () => {
  it.each(SEED_FILES)('tags seed %s into a record that validates', (file) => {
    const record = processArticle({ key: file }, readSeed(file), {
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    const result = validateArticle(record);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(record.language).toBe('vi');
    expect(record.keywords.length).toBeGreaterThan(0);
    expect(record.keywords.length).toBeLessThanOrEqual(10);
    expect(record.entities.person.map((p) => p.name)).toContain('Phạm Bình Minh');
  });

  it('tells a stage clock each stage of a record in order, and makes the same record with it', () => {
    const now = () => new Date('2026-01-01T00:00:00Z');
    const file = SEED_FILES[0];
    const ended: Stage[] = [];
    const timed = processArticle({ key: file }, readSeed(file), { now, clock: (stage) => ended.push(stage) });
    expect(ended).toEqual([...STAGES]);
    expect(timed).toEqual(processArticle({ key: file }, readSeed(file), { now }));
    const english: Stage[] = [];
    processArticle({ key: 'en.txt' }, new TextEncoder().encode(`${englishText}`), {
      now,
      clock: (stage) => english.push(stage),
    });
    // No entity stages for a language the entity tagger does not read.
    expect(english).toEqual(['parse', 'language', 'resolve', 'topics', 'keywords', 'record']);
  });

  it('tags an English article as English with no Vietnamese entities or topics from the Vietnamese model', () => {
    const tags = tagArticle(english);
    expect(tags.language).toBe('en');
    expect(tags.entities).toEqual({ person: [], organization: [], place: [] });
    expect(tags.topics).toEqual([]);
  });

  it('gives an Italian or Portuguese page about Vietnam no Vietnamese entities or topics', () => {
    for (const [language, body] of [
      [
        'it',
        'Il primo ministro Pham Minh Chinh ha detto che il governo del Vietnam vuole aumentare gli investimenti nella città di Hà Nội, perché la crescita della economia è ancora molto forte.',
      ],
      [
        'pt',
        'O primeiro-ministro Pham Minh Chinh disse que o governo do Vietnã quer aumentar os investimentos em Hà Nội, porque o crescimento da economia também foi muito forte.',
      ],
    ] as const) {
      const tags = tagArticle(parsed({ title: null, body }));
      expect(tags.language).toBe(language);
      expect(tags.entities).toEqual({ person: [], organization: [], place: [] });
      expect(tags.topics).toEqual([]);
    }
  });

  it('still reads an English article by its section', () => {
    expect(tagArticle({ ...english, category: ['Kinh doanh'] }).topics[0]?.code).toBe('medtop:04000000');
  });

  it('tags Vietnamese typed without diacritics as Vietnamese', () => {
    const tags = tagArticle(
      parsed({
        title: 'Gia vang hom nay tang manh',
        body: 'Gia vang trong nuoc tang theo gia the gioi, nha dau tu dang mua vao nhieu hon nam truoc.',
      }),
    );
    expect(tags.language).toBe('vi');
    expect(tags.topics[0]?.code).toBe('medtop:04000000');
  });

  it('keeps the keywords the file declares', () => {
    const tags = tagArticle(
      parsed({ title: 'Giá vàng tăng', body: 'Giá vàng tăng mạnh.', keywords: ['giá vàng'] }),
    );
    expect(tags.keywords).toEqual(['giá vàng']);
  });

  it('returns well-formed tags for any text, never throwing', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 }));
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), (title, body, keywords) => {
        const tags = tagArticle(parsed({ title, body, keywords }));
        expect(tags.language).toMatch(/^[a-z]{2}$/);
        const scores = tags.topics.map((t) => t.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        if (keywords.every((k) => !k.trim())) {
          expect(tags.keywords.length).toBeLessThanOrEqual(10);
          expect(tags.keywords.every((k) => k.length > 0)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('extracts keywords as NFC even from decomposed text', () => {
    const body =
      'Giá vàng tăng mạnh. Giá vàng trong nước vượt mốc mới, giá vàng thế giới cũng tăng.'.normalize('NFD');
    const tags = tagArticle(parsed({ title: 'Giá vàng tăng'.normalize('NFD'), body }));
    expect(tags.keywords).toContain('giá vàng');
  });
});

describe('tagging a very long text', () => {
  it('keeps at most MAX_ENTITIES_PER_TYPE entities of each type, the most mentioned first', () => {
    const names = Array.from(
      { length: 150 },
      (_, i) => `Nguyễn Văn ${String.fromCharCode(0x41 + (i % 26))}${'a'.repeat(1 + Math.floor(i / 26))}nh`,
    );
    const body = names
      .map((n, i) => `Ông ${n} phát biểu tại hội nghị${i === 0 ? `, ông ${n} nói thêm` : ''}.`)
      .join('\n\n');
    const tags = tagArticle(parsedArticle({ title: 'Hội nghị', body }));
    expect(tags.entities.person.length).toBeLessThanOrEqual(MAX_ENTITIES_PER_TYPE);
    expect(tags.entities.person.length).toBeGreaterThan(50);
    expect(tags.entities.person[0]?.mentions).toBeGreaterThanOrEqual(
      tags.entities.person.at(-1)?.mentions ?? 0,
    );
  });
});
