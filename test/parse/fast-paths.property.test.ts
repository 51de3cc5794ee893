import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine } from '../../shared/parse/lines';
import { bestStates } from '../../shared/parse/slug-title';
import { articlePhrases, phraseIndex } from '../../shared/parse/url';
import { searchKey } from '../../shared/text/vietnamese';

// The hot paths skip work a plain regex version would do; on any input they must give the same answer.
// Built from char codes, like the parser's own: control characters in a regex literal are what the linter flags.
const STRAY = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(10)}-${String.fromCharCode(31)}${String.fromCharCode(127)}\u200b\ufeff]`,
  'g',
);
const plainCleanLine = (line: string) =>
  line
    .replace(STRAY, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

const pieces = fc.constantFrom(
  'Hà',
  'Nội',
  'ĐÀ',
  'hoà',
  'A',
  '1',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u0001',
  '\u007f',
  '\u2003',
  '\u3000',
  '\u2028',
  '.',
  '“',
  '😀',
);
const line = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));

/** The words of a text grouped into the stretches between punctuation, by regular expressions. */
const plainWordRuns = (text: string) =>
  text
    .split(/[^\p{L}\p{M}\p{N}\s]+/u)
    .map((run) => run.split(/\s+/).filter(Boolean))
    .filter((run) => run.length > 0);

describe('parser fast paths', () => {
  it('cleanLine gives what the plain regex version gives, on any mix of spaces, controls and letters', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(cleanLine(l)).toBe(plainCleanLine(l));
      }),
      { numRuns: 2000 },
    );
  });

  it('phraseIndex counts what looking up every word would, though it skips words no slug word folds to', () => {
    // Every word keyed by `searchKey`, every piece of a run the slug spells counted.
    const plainPhraseIndex = (text: string, slug: readonly string[], maxN = 6) => {
      const counts = new Map<string, Map<string, number>>();
      const slugSpells = (keys: string[]) =>
        slug.some((_, at) => keys.every((key, k) => slug[at + k] === key));
      for (const run of plainWordRuns(text)) {
        const keys = run.map(searchKey);
        for (let i = 0; i < run.length; i++) {
          for (let n = 1; n <= maxN && i + n <= run.length; n++) {
            if (!slugSpells(keys.slice(i, i + n))) break;
            const phraseKey = keys.slice(i, i + n).join(' ');
            const forms = counts.get(phraseKey) ?? new Map<string, number>();
            counts.set(phraseKey, forms);
            const phrase = run.slice(i, i + n).join(' ');
            forms.set(phrase, (forms.get(phrase) ?? 0) + 1);
          }
        }
      }
      const index = new Map<string, string>();
      for (const [key, forms] of counts) {
        const [form] = [...forms].sort((a, b) => b[1] - a[1] || (a[0] === a[0].toLowerCase() ? -1 : 1))[0]!;
        index.set(key, form);
      }
      return index;
    };
    const words = fc.constantFrom(
      'Hà',
      'ha',
      'HA',
      'Nội',
      'noi',
      'hoà',
      'hòa',
      'Hoa',
      'e\u0301',
      'ệ',
      'đi',
      'Đi',
      'di',
      'ı',
      'İ',
      'ǅ',
      'ß',
      'œ',
      '²',
      '1',
      '2020',
      'x\u20d0',
      '𠀀',
      'a😀',
      // Kelvin and Ångström signs: their key is ASCII, though they are past U+2000.
      '\u212a',
      'h\u212b',
    );
    const text = fc
      .array(fc.oneof(words, words, fc.constantFrom(' ', ' ', ', ', '.', '\n', '-', '\u00a0')), {
        maxLength: 40,
      })
      .map((p) => p.join(''));
    const slug = fc.array(fc.constantFrom('ha', 'noi', 'hoa', 'e', 'di', 'i', '1', '2020', 'ss', 'x', 'k'), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(text, slug, (t, s) => {
        expect([...phraseIndex(t, s)]).toEqual([...plainPhraseIndex(t, s)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts the parts white space splits a text into while indexing it, as split(/\\s+/) does', () => {
    const text = fc
      .array(
        fc.constantFrom(
          'Hà',
          'nội',
          ' ',
          '  ',
          '\n',
          '\t',
          '\u00a0',
          '\u2003',
          '\u3000',
          '\ufeff',
          ',',
          '😀',
          'x',
        ),
        {
          maxLength: 30,
        },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(articlePhrases(t, ['ha', 'noi']).parts).toBe(t.split(/\s+/).length);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the best states of a decoding round as a stable sort by score would', () => {
    const scores = fc.array(fc.constantFrom(-3, -2.5, -2, -1, 0, 1.5), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(scores, fc.integer({ min: 1, max: 16 }), (values, limit) => {
        const score = Float64Array.from(values);
        const order = values.map((_, i) => i).reverse();
        const sorted = [...order].sort((a, b) => score[b]! - score[a]!).slice(0, limit);
        expect(bestStates(order, score, limit)).toEqual(sorted);
      }),
      { numRuns: 2000 },
    );
  });
});
