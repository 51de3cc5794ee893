import { describe, expect, it } from 'vitest';
import { featureHash, foldedTokenHashes, foldedTokens } from '../../shared/text/fold';
import { searchKey } from '../../shared/text/vietnamese';

/** Every character of the Latin blocks whose `searchKey` is one ASCII letter or digit, with that key. */
function latinLetters(): [string, string][] {
  const out: [string, string][] = [];
  for (let code = 0; code < 0x2000; code++) {
    const char = String.fromCharCode(code);
    const key = searchKey(char);
    if (/^[a-z0-9]$/.test(key)) out.push([char, key]);
  }
  return out;
}

function tokens(text: string): (string | null)[] {
  const out: (string | null)[] = [];
  foldedTokens(text, 100, (t) => out.push(t));
  return out;
}

function hashes(text: string): [number, number][] {
  const out: [number, number][] = [];
  foldedTokenHashes(text, 100, (u, b) => out.push([u, b]));
  return out;
}

describe('diacritic folding tables', () => {
  it('fold every letter and digit below U+2000 as searchKey does', () => {
    const letters = latinLetters();
    expect(letters.length).toBeGreaterThan(400);
    for (const [char, key] of letters) {
      expect(tokens(`${char}${char}`), char).toEqual([key + key]);
      expect(hashes(`${char}${char}`), char).toEqual([[featureHash(key + key), -1]]);
    }
  });

  it('skip combining marks inside a word and part words at breaks', () => {
    expect(tokens('Đa\u0301 bóng. Hà Nội')).toEqual(['da', 'bong', null, 'ha', 'noi']);
    expect(hashes('ha\u0300 no\u0323i. da')).toEqual([
      [featureHash('ha'), -1],
      [featureHash('noi'), featureHash('ha noi')],
      [featureHash('da'), -1],
    ]);
  });
});
