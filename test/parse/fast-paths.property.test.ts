import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine } from '../../shared/parse/text';
import { searchKey, wordRuns, wordSearchKey } from '../../shared/text/vietnamese';

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

describe('parser fast paths', () => {
  it('cleanLine gives what the plain regex version gives, on any mix of spaces, controls and letters', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(cleanLine(l)).toBe(plainCleanLine(l));
      }),
      { numRuns: 2000 },
    );
  });

  it('wordSearchKey gives searchKey of the word, also when asked again', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(wordSearchKey(l)).toBe(searchKey(l));
        expect(wordSearchKey(l)).toBe(searchKey(l));
      }),
      { numRuns: 500 },
    );
  });

  it('wordRuns splits like the regular expressions it replaced, surrogate pairs included', () => {
    const plainWordRuns = (text: string) =>
      text
        .split(/[^\p{L}\p{M}\p{N}\s]+/u)
        .map((run) => run.split(/\s+/).filter(Boolean))
        .filter((run) => run.length > 0);
    const text = fc
      .array(fc.oneof(pieces, fc.constantFrom(',', '-', '𠀀', 'x\u0301', '\n', '²')), { maxLength: 40 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(wordRuns(t)).toEqual(plainWordRuns(t));
      }),
      { numRuns: 2000 },
    );
  });
});
