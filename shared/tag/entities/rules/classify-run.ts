/**
 * Classifies a plain capitalised run with no cue before it (`Nguyễn Văn A`, `Real Madrid`, `Hà Nội`).
 */
import { lookupPlaceKey } from '../places/index';
import { seenInLowerCase, type Token } from '../tokens';
import { push, pushInnerPlaces, pushPlace, pushRegions, pushWeak, type Scan } from './mentions';
import { ACRONYM_HEAD, orgAt } from './org-name';
import { houseNumberBefore, isRegion, placeAt, placeContext, regionsEnd } from './place-names';
import { actorAt, eastAsianNameLength, personShapedLength } from './shapes';
import {
  capRunEnd,
  capWord,
  endsWithDigit,
  foreignRun,
  hasEnglishWord,
  isVietnameseWord,
  isWord,
  keyOf,
  nonEntityCompound,
  productBefore,
} from './text';
import {
  ADMIN_CUE,
  AGE_GROUP,
  CLUB_STEMS,
  CODE,
  COMMON,
  COUNTRY_COMPOUNDS,
  FOREIGN_PLACE_WORDS,
  INITIALS,
  KNOWN_ORG,
  KNOWN_PERSON,
  MARKED_VOWEL,
  NATIONALITY_CUE,
  NON_ENTITY,
  NON_ENTITY_NAME,
  NOT_NAME_START,
  ORG_SUFFIX,
  PLACE_GIVEN_NAMES,
  PLACE_PREPOSITION,
  POLICE_UNIT,
  ROMAN,
  SCOPE,
  STANDALONE_ORG,
  STRONG_ADMIN,
  VOWEL,
  WEBSITE,
} from './words';

/** Classifies a plain capitalised run [from, to) with no cue before it. */
export function classifyRun(scan: Scan, tokens: readonly Token[], from: number, to: number): void {
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (!t) return;
    const runLen = to - i;
    // Sentence-initial common word: drop it and look at the rest.
    if (i === from && t.sentenceStart) {
      const common = COMMON.matchAt(tokens, i);
      if (common > 0 && common <= runLen) {
        i += common;
        continue;
      }
      if (runLen === 1 && seenInLowerCase(t)) return;
    }
    const nonEntity = NON_ENTITY_NAME.matchAt(tokens, i);
    if (nonEntity > 0 && nonEntity <= runLen) {
      i += nonEntity;
      continue;
    }
    // `người Pháp`, `tiếng Anh`: a nationality or a language; `Pháp luật`, `Anh hùng`: a common word.
    if (i === from && runLen === 1 && NATIONALITY_CUE.has(tokens[from - 1]?.key ?? '')) return;
    if (runLen === 1 && isWord(tokens[to]) && COUNTRY_COMPOUNDS.has(`${t.key} ${tokens[to]?.key}`)) return;
    // `số 4 Thuỵ Khuê`, `tại 18 Hoàng Diệu`: a house number makes the person's name after it a street's.
    if (i === from && houseNumberBefore(tokens, from)) {
      const street = personShapedLength(tokens, from);
      if (street === runLen) {
        pushPlace(scan, tokens, from, to);
        return;
      }
    }
    // `Anh Pháp Bồ Đào Nha Tây Ban Nha`: a caption or map legend listing regions with no commas.
    if (runLen >= 2 && (i === from || i === from + 1)) {
      const regions = regionsEnd(tokens, from, to);
      if (regions === to) {
        pushRegions(scan, tokens, from, to);
        return;
      }
    }
    // `Sơn (Hà Việt Dũng)`, `Lâm (NSƯT Hoàng Hải)`: a character, with the actor who plays them.
    if (
      i === from &&
      runLen === 1 &&
      t.text.length > 1 &&
      tokens[to]?.text === '(' &&
      !t.upper &&
      !lookupPlaceKey(t.key) &&
      actorAt(tokens, to + 1)
    ) {
      push(scan, 'person', tokens, i, to, false, true);
      return;
    }
    // `U70 Dương Lệ Bình`, `X20 Nokia`: a code or age before a name is not part of it.
    if (
      i === from &&
      runLen > 1 &&
      !t.upper &&
      endsWithDigit(t) &&
      CODE.test(t.text) &&
      !AGE_GROUP.test(t.text)
    ) {
      i++;
      continue;
    }
    if (AGE_GROUP.test(t.text) && runLen > 1) {
      // Age-group teams: `U23 Việt Nam` (`U70 Dương Lệ Bình` is a woman in her seventies).
      push(scan, 'organization', tokens, i, to);
      pushInnerPlaces(scan, tokens, i, to);
      return;
    }
    if (t.upper && i === from && to === i + 1 && !NON_ENTITY.has(t.key) && !lookupPlaceKey(t.key)) {
      // `VTC News`, `SHB Đà Nẵng`: an acronym with a foreign word or a place after it names one organisation.
      const next = tokens[to];
      if (capWord(next) && !next.upper && !next.sentenceStart && next.spaced) {
        const end = capRunEnd(tokens, to, 3);
        const namesOne =
          foreignRun(tokens, to, end) &&
          (end - to === 1 || hasEnglishWord(tokens, to, end) || ORG_SUFFIX.has(tokens[end - 1]?.key ?? ''));
        if (namesOne || placeAt(tokens, to, end - to) === end - to) {
          push(scan, 'organization', tokens, i, end);
          pushInnerPlaces(scan, tokens, i, end);
          scan.skipTo = end;
          return;
        }
      }
    }
    const knownOrg = KNOWN_ORG.matchAt(tokens, i);
    if (knownOrg > 0 && knownOrg <= runLen) {
      // A known name runs on over foreign words (`Amazon Web Services`), but not over a person's name after
      // it (`Amazon Jeff Bezos`: two or three foreign words that are no English ones).
      const rest = to - (i + knownOrg);
      const personAfter =
        rest >= 2 &&
        rest <= 3 &&
        foreignRun(tokens, i + knownOrg, to) &&
        !hasEnglishWord(tokens, i + knownOrg, to);
      // `Apple Watch`, `HTC U11`, `Google Pixel`: a brand before a product's name is the brand alone.
      // Clubs go on (`Real Betis`, `Ajax Amsterdam`, `Huddersfield Town`).
      const product =
        rest > 0 &&
        !ORG_SUFFIX.has(tokens[to - 1]?.key ?? '') &&
        !CLUB_STEMS.has(t.key) &&
        !lookupPlaceKey(keyOf(tokens, i + knownOrg, to));
      const end = foreignRun(tokens, i, to) && !personAfter && !product ? to : i + knownOrg;
      push(scan, 'organization', tokens, i, end);
      pushInnerPlaces(scan, tokens, i, end, true);
      i = end;
      continue;
    }
    const knownPerson = KNOWN_PERSON.matchAt(tokens, i);
    if (knownPerson > 0 && knownPerson === runLen) {
      push(scan, 'person', tokens, i, to, runLen === 1, true);
      return;
    }
    if (t.upper && INITIALS.test(t.text) && !NON_ENTITY.has(t.key)) {
      // `T.T.V`, `N.V.Đ`: a person's initials, as the press writes suspects, victims and minors.
      // Its closing dot is part of it unless it also ends the sentence (`chị H.T.H. (quê …`).
      const dot = tokens[i + 1];
      const end =
        dot?.text === '.' && !dot.spaced && !capWord(tokens[i + 2]) && tokens[i + 2] ? i + 2 : i + 1;
      push(scan, 'person', tokens, i, end);
      i = end;
      continue;
    }
    if (t.upper) {
      // Acronyms stand alone; a Vietnamese word in capitals (`MINH`, `KHÔNG`) or a Roman numeral is none.
      // Model numbers and codes (`S8`, `IP68`, `QH14`) carry digits; organisations' acronyms rarely do.
      // A vowel with a tone or hat (`LỖ`, `DỰ`) marks a word in capitals at any length: acronyms have none.
      const capsWord =
        (t.text.length >= 3 && VOWEL.test(t.key) && isVietnameseWord(t.key)) ||
        MARKED_VOWEL.test(t.key) ||
        (/\d/.test(t.text) && !POLICE_UNIT.test(t.text));
      // `VOV.VN`, `VTC.VN`: a website's address credits a source; the record's publisher carries it.
      const website = WEBSITE.test(t.text);
      if (!nonEntityCompound(t.key) && t.text.length <= 12 && !capsWord && !ROMAN.test(t.text) && !website) {
        const place = lookupPlaceKey(t.key);
        if (place && (place.kind === 'province' || place.kind === 'world')) pushPlace(scan, tokens, i, i + 1);
        else if (!/^\p{Lu}\.?$/u.test(t.text)) {
          // `LĐLĐ thị xã Kỳ Anh`, `UBKT Trung ương`: the acronym's unit or scope goes with it.
          const next = tokens[i + 1];
          const scoped =
            i + 1 === to &&
            isWord(next) &&
            ((!next.cap &&
              STRONG_ADMIN.has(keyOf(tokens, i + 1, i + 1 + ADMIN_CUE.matchAt(tokens, i + 1)))) ||
              SCOPE.matchAt(tokens, i + 1) > 1);
          const end = scoped ? orgAt(tokens, i, ACRONYM_HEAD) : i;
          if (end > i + 1) {
            push(scan, 'organization', tokens, i, end);
            pushInnerPlaces(scan, tokens, i, end);
            scan.skipTo = end;
            return;
          }
          push(scan, 'organization', tokens, i, i + 1);
        }
      }
      i++;
      continue;
    }
    const whole = lookupPlaceKey(keyOf(tokens, i, to));
    // Commune names are often also person or common names: without a cue they need a place context.
    if (
      whole &&
      // A one-word commune (`Vinh`, `Kép`) is a person's name or a word as often.
      ((whole.kind !== 'former-commune' && (runLen > 1 || whole.kind !== 'commune')) ||
        placeContext(tokens, i, to)) &&
      (runLen > 1 || !t.sentenceStart || !seenInLowerCase(t))
    ) {
      pushPlace(scan, tokens, i, to, runLen === 1);
      return;
    }
    const org = STANDALONE_ORG.matchAt(tokens, i);
    if (org > 0 && org <= runLen) {
      push(scan, 'organization', tokens, i, i + org);
      i += org;
      continue;
    }
    // `The Verge`, `The Blues`: a name with an article is a paper, band, club or title, not a person.
    if (t.text === 'The' && runLen >= 2 && foreignRun(tokens, i + 1, to)) {
      push(scan, 'organization', tokens, i, to);
      return;
    }
    const eastAsian = eastAsianNameLength(tokens, i, to);
    if (eastAsian > 0) {
      push(scan, 'person', tokens, i, i + eastAsian);
      i += eastAsian;
      continue;
    }
    const person = personShapedLength(tokens, i);
    if (person > 0 && i + person <= to) {
      // A known multi-syllable place at the start wins over a surname (`Hà Nội`, `Lê Chân`).
      const place = placeAt(tokens, i, person, placeContext(tokens, i, i + person));
      // `Hà Nội Lê Hồng Phong`: a place, then a person whose name starts right after it.
      if (place >= 2 && (place === person || personShapedLength(tokens, i + place) >= 2)) {
        pushPlace(scan, tokens, i, i + place);
        i += place;
        continue;
      }
      push(scan, 'person', tokens, i, i + person);
      i += person;
      continue;
    }
    const place = runLen > 1 ? placeAt(tokens, i, runLen, placeContext(tokens, i, to)) : 0;
    // `Mỹ Jeff Sessions`, `Pháp Bruno Le Maire`: a country written before the name of its official.
    if (place > 0 && place < runLen && isRegion(lookupPlaceKey(keyOf(tokens, i, i + place)))) {
      const rest = to - (i + place);
      const named =
        personShapedLength(tokens, i + place) === rest ||
        eastAsianNameLength(tokens, i + place, to) === rest ||
        (rest >= 2 &&
          rest <= 3 &&
          !isVietnameseWord(tokens[i + place]?.key ?? '') &&
          !hasEnglishWord(tokens, i + place, to));
      if (named) {
        pushPlace(scan, tokens, i, i + place);
        push(scan, 'person', tokens, i + place, to);
        return;
      }
    }
    if (place >= 2) {
      pushPlace(scan, tokens, i, i + place);
      i += place;
      continue;
    }
    if (foreignRun(tokens, i, to)) {
      const last = tokens[to - 1];
      if (runLen >= 2) {
        if (last && ORG_SUFFIX.has(last.key)) push(scan, 'organization', tokens, i, to);
        else if ((last && FOREIGN_PLACE_WORDS.has(last.key)) || FOREIGN_PLACE_WORDS.has(t.key))
          pushPlace(scan, tokens, i, to);
        // `của Kazakhstan Dinar`: a country or city first is no part of a person's name.
        else if (
          runLen === 2 &&
          place === 1 &&
          isRegion(lookupPlaceKey(t.key)) &&
          !PLACE_GIVEN_NAMES.has(t.key)
        )
          pushPlace(scan, tokens, i, i + 1);
        // `Z Fold`, `X Ultra`: a bare letter first names a model, not a person.
        else if (runLen === 2 && t.text.length > 1 && !hasEnglishWord(tokens, i, to))
          push(scan, 'person', tokens, i, to);
      } else if (!NON_ENTITY.has(t.key) && t.text.length > 1 && !t.sentenceStart && !seenInLowerCase(t)) {
        // A lone foreign name: a short form of a person named in full elsewhere, else a brand or club.
        // `-bank` names a bank (`ABBank`, `Oceanbank`) even when mentioned once; after `tại`, `ở` it is a place.
        const before = tokens[from - 1];
        if (productBefore(tokens, from)) return; // `tên lửa Kalibr`, `chip Snapdragon`: a product, not its maker
        if (t.key.length > 5 && t.key.endsWith('bank')) push(scan, 'organization', tokens, i, to);
        else if (i === from && (before?.key === 'tại' || before?.key === 'ở')) pushPlace(scan, tokens, i, to);
        else push(scan, 'organization', tokens, i, to, true);
      }
      return;
    }
    // Vietnamese words with no surname and no cue: a place after `tại`, `ở`…; a one-syllable short name.
    const before = tokens[from - 1];
    if (before && PLACE_PREPOSITION.has(before.key) && i === from && runLen >= 2) {
      pushPlace(scan, tokens, i, to);
      return;
    }
    if (t.text.length < 2) return;
    if (t.sentenceStart) {
      // `Ngọc Trinh khoe …`: a given name opening a sentence, unless either word is also written in lower
      // case or the pair starts with a place or the words that open a heading or phrase.
      const second = tokens[i + 1];
      if (
        runLen === 2 &&
        second &&
        !NOT_NAME_START.has(t.key) &&
        !seenInLowerCase(t) &&
        !seenInLowerCase(second) &&
        !lookupPlaceKey(t.key) &&
        !isRegion(lookupPlaceKey(second.key))
      )
        pushWeak(scan, 'person', tokens, i, to);
      return;
    }
    if (runLen === 1) {
      // `Việt nam`: a place written with a lower-case second syllable.
      const next = tokens[to];
      if (isWord(next) && !next.cap && lookupPlaceKey(`${t.key} ${next.key}`)?.kind === 'world') {
        pushPlace(scan, tokens, i, to + 1);
        return;
      }
      push(scan, 'person', tokens, i, to, true);
    } else if (runLen === 2 && !NOT_NAME_START.has(t.key)) pushWeak(scan, 'person', tokens, i, to);
    return;
  }
}
