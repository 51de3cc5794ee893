import { describe, expect, it } from 'vitest';
import { HASH_SEED, hashStep, SpellingTable } from '../../shared/text/spellings';

const hashOf = (text: string, start = 0, end = text.length) => {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
};
const look = <T extends { word: string }>(table: SpellingTable<T>, w: string) =>
  table.lookup(w, 0, w.length, hashOf(w));

// The first three tables made share one store (their rows hold an entry for each); the fourth has its own.
const made: string[] = [];
const upper = new SpellingTable((word) => {
  made.push(word);
  return { word, value: word.toUpperCase() };
});
const lengths = new SpellingTable((word) => ({ word, value: word.length }));
let numbered = 0;
const small = new SpellingTable((word) => ({ word, n: numbered++ }), 2);
const own = new SpellingTable((word) => ({ word, value: `${word}!` }));

describe('spelling tables', () => {
  it('give each table its own entry for a spelling, made once, found in place in any text', () => {
    const text = 'Hà Nội, Hà';
    expect(upper.lookup(text, 0, 2, hashOf(text, 0, 2)).value).toBe('HÀ');
    expect(lengths.lookup(text, 0, 2, hashOf(text, 0, 2)).value).toBe(2);
    expect(own.lookup(text, 0, 2, hashOf(text, 0, 2)).value).toBe('Hà!');
    expect(upper.lookup(text, 8, 10, hashOf(text, 8, 10)).value).toBe('HÀ');
    expect(look(upper, 'Nội').value).toBe('NỘI');
    expect(made).toEqual(['Hà', 'Nội']);
    expect(upper.size).toBe(2);
    expect(lengths.size).toBe(1);
  });

  it('forget only their own entries when cleared, and start over past their size', () => {
    const kept = look(lengths, 'một');
    look(small, 'một');
    look(small, 'hai');
    expect(small.size).toBe(2);
    small.clear();
    expect(small.size).toBe(0);
    expect(look(lengths, 'một')).toBe(kept);
    expect(look(small, 'một').n).toBe(2);
    expect(look(small, 'hai').n).toBe(3);
    // A third spelling is past the size: the store starts over, and every table makes its entries anew.
    expect(look(small, 'ba').n).toBe(4);
    expect(small.size).toBe(1);
    expect(look(lengths, 'một')).not.toBe(kept);
    expect(look(lengths, 'một')).toEqual(kept);
    expect(look(own, 'Hà').value).toBe('Hà!');
  });

  it('keep every entry while the store grows past its first size', () => {
    // 2^12 slots at first: 5,000 spellings make it double twice; each entry must still be found, not made again.
    const grown = new SpellingTable((word) => ({ word, made: Math.random() }));
    const words = Array.from({ length: 5000 }, (_, i) => `từ${i}`);
    const first = words.map((w) => look(grown, w));
    expect(words.map((w) => look(grown, w))).toEqual(first);
    expect(words.every((w, i) => look(grown, w) === first[i])).toBe(true);
    expect(grown.size).toBe(5000);
  });
});
