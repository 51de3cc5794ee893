/**
 * A name or keyword folded for story terms: `searchKey` with its spaces removed (`Bình Dương` →
 * `binhduong`). Story features fold every entity name and keyword of each article stored, and
 * `searchKey`'s Unicode decomposition and regular expressions cost a few microseconds a name; text of
 * Latin letters (Vietnamese included) folds unit by unit instead, each unit's fold taken once from
 * `searchKey` itself, so the result is the same. Pure, no AWS.
 */
import { searchKey } from '../text/vietnamese';

const slowFold = (text: string) => searchKey(text).replaceAll(' ', '');

/**
 * Units that fold one at a time: Basic Latin to Latin Extended-B and Latin Extended Additional (every
 * precomposed Vietnamese letter). None is a combining mark, so decomposing a run of them decomposes each
 * alone, and dropping marks, lower-casing and dropping what is not a letter or digit all go unit by unit.
 */
const foldsAlone = (c: number) => c < 0x250 || (c >= 0x1e00 && c < 0x1f00);

/** The fold of each such unit, filled as met. */
const unitFolds: (string | null)[] = new Array(0x1f00).fill(null);

export function foldName(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!foldsAlone(c)) return slowFold(text);
    let folded = unitFolds[c]!;
    if (folded === null) folded = unitFolds[c] = slowFold(String.fromCharCode(c));
    out += folded;
  }
  return out;
}
