/**
 * Run rules that read persons: full names by their shape, known persons, initials, short names.
 */
import { lookupPlaceKey } from '../../places/index';
import { seenInLowerCase, type Token } from '../../tokens';
import { push, pushPlace, pushWeak } from '../mentions';
import { isRegion, placeAt, placeContext } from '../place-names';
import type { RunRule } from '../rule';
import { actorAt, eastAsianNameLength, personShapedLength } from '../shapes';
import { capWord, isWord } from '../text';
import { INITIALS, KNOWN_PERSON, NON_ENTITY, NOT_NAME_START } from '../words';

/** `Sơn (Hà Việt Dũng)`, `Lâm (NSƯT Hoàng Hải)`: a character, with the actor who plays them. */
export const actorCharacter: RunRule = {
  id: 'run/actor-character',
  apply(scan, tokens, from, to, i) {
    const t = tokens[i] as Token;
    if (
      i !== from ||
      to - i !== 1 ||
      t.text.length <= 1 ||
      tokens[to]?.text !== '(' ||
      t.upper ||
      lookupPlaceKey(t.key) ||
      !actorAt(tokens, to + 1)
    )
      return undefined;
    push(scan, 'person', tokens, i, to, false, true);
    return to;
  },
};

/** `Putin`, `Elon Musk`: a well-known person named by the whole run. */
export const knownPerson: RunRule = {
  id: 'run/known-person',
  apply(scan, tokens, _from, to, i) {
    const runLen = to - i;
    if (KNOWN_PERSON.matchAt(tokens, i) !== runLen) return undefined;
    push(scan, 'person', tokens, i, to, runLen === 1, true);
    return to;
  },
};

/**
 * `T.T.V`, `N.V.Đ`: a person's initials, as the press writes suspects, victims and minors. The closing dot
 * is part of them unless it also ends the sentence (`chị H.T.H. (quê …`).
 */
export const initials: RunRule = {
  id: 'run/initials',
  apply(scan, tokens, _from, _to, i) {
    const t = tokens[i] as Token;
    if (!t.upper || !INITIALS.test(t.text) || NON_ENTITY.has(t.key)) return undefined;
    const dot = tokens[i + 1];
    const end = dot?.text === '.' && !dot.spaced && !capWord(tokens[i + 2]) && tokens[i + 2] ? i + 2 : i + 1;
    push(scan, 'person', tokens, i, end);
    return end;
  },
};

/** `Song Joong Ki`, `Park Bo Gum`: a Korean or Chinese name in Latin letters. */
export const eastAsianName: RunRule = {
  id: 'run/east-asian-name',
  apply(scan, tokens, _from, to, i) {
    const len = eastAsianNameLength(tokens, i, to);
    if (len === 0) return undefined;
    push(scan, 'person', tokens, i, i + len);
    return i + len;
  },
};

/**
 * `Nguyễn Văn Hùng`: a surname and one to three more Vietnamese syllables is a person, unless a known place of
 * two or more words starts there (`Hà Nội`, `Lê Chân`), maybe with a person after it (`Hà Nội Lê Hồng Phong`).
 */
export const personShape: RunRule = {
  id: 'run/person-shape',
  apply(scan, tokens, _from, to, i) {
    const person = personShapedLength(tokens, i);
    if (person === 0 || i + person > to) return undefined;
    const place = placeAt(tokens, i, person, placeContext(tokens, i, i + person));
    if (place >= 2 && (place === person || personShapedLength(tokens, i + place) >= 2)) {
      pushPlace(scan, tokens, i, i + place);
      return i + place;
    }
    push(scan, 'person', tokens, i, i + person);
    return i + person;
  },
};

/** `A.`, `Ô`: a one-letter word left over names nobody. */
export const oneLetter: RunRule = {
  id: 'run/one-letter',
  apply(_scan, tokens, _from, to, i) {
    return (tokens[i] as Token).text.length < 2 ? to : undefined;
  },
};

/**
 * `Ngọc Trinh khoe …`: two Vietnamese words opening a sentence are a guessed given name, unless either is
 * also written in lower case, or the pair starts with a place or a word that opens a term (`Phó Chủ tịch`).
 */
export const sentenceStartPair: RunRule = {
  id: 'run/sentence-start-pair',
  apply(scan, tokens, _from, to, i) {
    const t = tokens[i] as Token;
    if (!t.sentenceStart) return undefined;
    const second = tokens[i + 1];
    if (
      to - i === 2 &&
      second &&
      !NOT_NAME_START.has(t.key) &&
      !seenInLowerCase(t) &&
      !seenInLowerCase(second) &&
      !lookupPlaceKey(t.key) &&
      !isRegion(lookupPlaceKey(second.key))
    )
      pushWeak(scan, 'person', tokens, i, to);
    return to;
  },
};

/**
 * `Hùng`, `Chí Bảo`: one or two Vietnamese words with no surname and no cue are a short or guessed name,
 * kept only when a full name or a repetition confirms it; `Việt nam` is a place written with a lower-case
 * second syllable.
 */
export const givenName: RunRule = {
  id: 'run/given-name',
  apply(scan, tokens, _from, to, i) {
    const t = tokens[i] as Token;
    const runLen = to - i;
    if (runLen === 1) {
      const next = tokens[to];
      if (isWord(next) && !next.cap && lookupPlaceKey(`${t.key} ${next.key}`)?.kind === 'world') {
        pushPlace(scan, tokens, i, to + 1);
        return to;
      }
      push(scan, 'person', tokens, i, to, true);
    } else if (runLen === 2 && !NOT_NAME_START.has(t.key)) pushWeak(scan, 'person', tokens, i, to);
    return to;
  },
};
