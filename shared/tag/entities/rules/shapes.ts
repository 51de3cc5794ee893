/**
 * Name shapes: a Vietnamese full name, an East Asian name in Latin letters, a foreign name across a
 * particle or a middle initial.
 */
import { lookupPlaceKey } from '../places/index';
import type { Token } from '../tokens';
import { capRunEnd, capWord, isVietnameseWord, isWord, keyOf } from './text';
import {
  ASCII_WORD,
  EAST_ASIAN_SURNAME,
  ENGLISH_WORDS,
  HIGHLAND_NAME_OPENER,
  NAME_PARTICLES,
  ORG_HEAD,
  PERSON_CUE,
  SURNAME,
  UNACCENTED_SURNAME,
  VIETNAMESE_MARK,
  VIETNAMESE_SYLLABLE,
} from './words';

/**
 * End of a foreign name run [i, end) carried across a lower-case particle (`Frank de Boer`) or a middle
 * initial's dot (`George W. Bush`) and the capitals after it; `end` when the run is not foreign or neither
 * follows.
 */
export function particleRunEnd(tokens: readonly Token[], i: number, end: number): number {
  const particle = tokens[end];
  // `George W. Bush`, `Charles M. Schwab`: a middle initial's dot is no sentence end.
  const initial = tokens[end - 1];
  if (
    particle?.text === '.' &&
    !particle.spaced &&
    end - i >= 2 &&
    initial?.cap &&
    initial.text.length === 1 &&
    capWord(tokens[end + 1]) &&
    tokens[end + 1]?.spaced &&
    !isVietnameseWord(tokens[i]?.key ?? '')
  )
    return capRunEnd(tokens, end + 1, 3);
  if (
    !isWord(particle) ||
    particle.cap ||
    !NAME_PARTICLES.has(particle.key) ||
    !capWord(tokens[end + 1]) ||
    isVietnameseWord(tokens[i]?.key ?? '')
  )
    return end;
  return capRunEnd(tokens, end + 1, 3);
}

/** A name run [i, end) ends where a title or `Theo` starts (`Nguyễn Tùng Lâm Chủ tịch …`, `Hoàng Linh Theo Đời sống`). */
export function cutAtTitle(tokens: readonly Token[], i: number, end: number): number {
  for (let k = i + 1; k < end; k++)
    if (tokens[k]?.key === 'theo' || PERSON_CUE.matchAt(tokens, k) >= 2) return k;
  return end;
}

/** Person-shaped: surname + 1–3 more capitalised Vietnamese syllables. */
export function personShapedLength(tokens: readonly Token[], i: number): number {
  const first = tokens[i];
  if (!capWord(first) || first.upper) return 0;
  const unaccented = !SURNAME.has(first.key) && UNACCENTED_SURNAME.has(first.key);
  if (!unaccented && !SURNAME.has(first.key)) return 0;
  const end = cutAtTitle(tokens, i, capRunEnd(tokens, i, 4));
  if (end - i < 2) return 0;
  for (let k = i; k < end; k++) {
    const key = tokens[k]?.key ?? '';
    if (!isVietnameseWord(key) || (unaccented && (!ASCII_WORD.test(key) || ENGLISH_WORDS.has(key)))) return 0;
  }
  return end - i;
}

/**
 * Korean or Chinese name in Latin letters: an East Asian surname then one or two short capitalised
 * syllables, one of them not Vietnamese-shaped (`Song Joong Ki`, `Park Bo Gum`); its length, or 0.
 */
export function eastAsianNameLength(tokens: readonly Token[], i: number, to: number): number {
  const first = tokens[i];
  if (!capWord(first) || first.upper || !EAST_ASIAN_SURNAME.has(first.key)) return 0;
  const end = Math.min(to, capRunEnd(tokens, i, 3));
  if (end - i < 2) return 0;
  let foreign = false;
  for (let k = i; k < end; k++) {
    const key = tokens[k]?.key ?? '';
    if (key.length > 6 || VIETNAMESE_MARK.test(key) || ENGLISH_WORDS.has(key)) return 0;
    if (!VIETNAMESE_SYLLABLE.test(key)) foreign = true;
  }
  return foreign ? end - i : 0;
}

/** Is a person's full name (maybe after a title) and a closing bracket at k? */
export function actorAt(tokens: readonly Token[], k: number): boolean {
  const cue = PERSON_CUE.matchAt(tokens, k);
  const from = k + cue;
  const end = capRunEnd(tokens, from, 4);
  if (end - from < 2 || tokens[end]?.text !== ')' || lookupPlaceKey(keyOf(tokens, from, end))) return false;
  return (
    personShapedLength(tokens, from) === end - from || eastAsianNameLength(tokens, from, end) === end - from
  );
}

/** `H'Hen`, `K’Brơi`: an Ê-đê woman's or K'Ho man's name part glued to its opener. */
const GLUED_OPENER = /^[HK]['’]\p{Lu}/u;
const isApostrophe = (t: Token | undefined): boolean => t?.text === "'" || t?.text === '’';

/**
 * `Y Bhin Êban`, `H' Hen Niê`, `H'Hen Niê`, `Ksor Nguyên`, `Rơ Châm Blip`: a name opened by a word of
 * data/entity-rules `[highland_name_openers]` (`H`, `K` only with their apostrophe), then one to three
 * capitalised words; its length, or 0. A known place (`Y Tý`), or a province or country after the opener
 * (`Nay Hà Nội`, "now"), is none; an organisation's head or a person cue ends the name.
 */
export function highlandNameLength(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (!capWord(t) || t.upper) return 0;
  let from: number;
  if (GLUED_OPENER.test(t.text)) from = i + 1;
  else if ((t.key === 'h' || t.key === 'k') && isApostrophe(tokens[i + 1]) && !tokens[i + 1]?.spaced)
    from = i + 2;
  else if (t.key === 'h' || t.key === 'k') return 0;
  else from = i + HIGHLAND_NAME_OPENER.matchAt(tokens, i);
  if (from === i || !capWord(tokens[from])) return 0;
  let end = capRunEnd(tokens, from, 3);
  for (let k = from; k < end; k++) {
    if (ORG_HEAD.matchAt(tokens, k) > 0 || PERSON_CUE.matchAt(tokens, k) > 0) {
      end = k;
      break;
    }
  }
  if (end === from || lookupPlaceKey(keyOf(tokens, i, end))) return 0;
  // `Nay Hà Nội có …` ("now"): a province or country after the opener is no name's.
  for (let k = from + 1; k <= end; k++) {
    const kind = lookupPlaceKey(keyOf(tokens, from, k))?.kind;
    if (kind !== undefined && kind !== 'commune' && kind !== 'former-commune') return 0;
  }
  return end - i;
}
