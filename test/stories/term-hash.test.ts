import { describe, expect, it } from 'vitest';
import { termHash } from '../../shared/store/story-digest';

describe('termHash', () => {
  it('is 32-bit FNV-1a of the term, in base 36', () => {
    // FNV-1a's published test vectors (ASCII: one UTF-16 unit a byte).
    expect(termHash('a')).toBe((0xe40c292c).toString(36));
    expect(termHash('foobar')).toBe((0xbf9cf968).toString(36));
  });

  it('tells apart terms that differ in one unit, Vietnamese letters included', () => {
    const terms = ['e:nguyenvana', 'e:nguyenvanb', 'k:đo', 'k:do', 'k:dơ', 't:chay cho'];
    expect(new Set(terms.map(termHash)).size).toBe(terms.length);
  });
});
