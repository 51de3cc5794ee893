/**
 * The scan over one text's tokens: cues, organisations' heads and known names first, then each
 * capitalised run left is classified (./classify-run).
 */
import { lookupPlaceKey } from '../places/index';
import type { Token } from '../tokens';
import { classifyRun } from './classify-run';
import {
  listedPlacesEnd,
  listedStreetsEnd,
  push,
  pushInnerPlaces,
  pushPlace,
  pushRegions,
  type Scan,
} from './mentions';
import { orgAt } from './org-name';
import { adminLetter, dashedPlaceEnd, isRegion, placeAt, regionsEnd, scopedRunEnd } from './place-names';
import { cutAtTitle, particleRunEnd, personShapedLength } from './shapes';
import {
  capRunEnd,
  capRunEndAny,
  capWord,
  foreignRun,
  hasEnglishWord,
  hasVietnameseMark,
  isVietnameseWord,
  isWord,
  keyOf,
  opensLowerCue,
  opensPhrase,
  startsWithDigit,
} from './text';
import {
  ABBREVIATED_CUES,
  ABBREVIATED_TITLES,
  ADMIN_CUE,
  CAPITAL_CUES,
  COMMON,
  CREDIT,
  CUE_COMPOUNDS,
  GUARDED_CUES,
  HONORIFICS,
  KNOWN_ORG,
  LOWER_ORG_HEAD,
  NAME_FOLLOWERS,
  NON_ENTITY_NAME,
  NUMBERED_CUES,
  ONLY_NUMBERED_CUES,
  ORG_HEAD,
  PERSON_CUE,
  PLACE_GIVEN_NAMES,
  ROLE_CUES,
  ROUTE_CUES,
  SHORT_PLACES,
  STANDALONE_ORG,
  STREET_CUES,
  STRIPPED_PREFIX,
  STRONG_ADMIN,
  SURNAME,
} from './words';

export function scanText(scan: Scan, tokens: readonly Token[]): void {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t?.kind !== 'word' || (!t.cap && !opensLowerCue(t))) {
      i++;
      continue;
    }
    // Photo credit: `Ảnh: Tùng Phạm`, `Tin-ảnh: Quốc Chiến`.
    if (CREDIT.has(t.key) && tokens[i + 1]?.text === ':' && capWord(tokens[i + 2])) {
      const from = i + 2;
      const end = capRunEnd(tokens, from, 4);
      if (
        end - from >= 2 &&
        !lookupPlaceKey(keyOf(tokens, from, end)) &&
        ORG_HEAD.matchAt(tokens, from) === 0
      ) {
        push(scan, 'person', tokens, from, end, false, true);
        i = end;
        continue;
      }
    }
    // Person cue: `ông Minh`, `Phó Thủ tướng Phạm Bình Minh`, `HLV Park Hang-seo`.
    let cue = PERSON_CUE.matchAt(tokens, i);
    if (cue === 1 && t.cap && !t.sentenceStart && HONORIFICS.has(t.key)) cue = 0;
    // `Đại sứ quán` opens an organisation, not the person `Đại sứ` would.
    if (cue > 0 && t.cap && ORG_HEAD.matchAt(tokens, i) > cue) cue = 0;
    if (cue > 0) {
      let j = i + cue;
      // `GS. Per Einar Granum`, `Dr. Lipman`: an abbreviated title keeps its dot.
      if (tokens[j]?.text === '.' && !tokens[j]?.spaced && cue === 1 && ABBREVIATED_TITLES.has(t.key)) j++;
      const next = tokens[j];
      // `chị H.`, `anh N.`: initials stand for a person the article does not name.
      if (
        capWord(next) &&
        next.text.length <= 2 &&
        tokens[j + 1]?.text === '.' &&
        HONORIFICS.has(tokens[i + cue - 1]?.key ?? '')
      ) {
        scan.mentions.push({ type: 'person', text: `${next.text}.`, key: `${next.key}.`, cued: true });
        i = j + 2;
        continue;
      }
      if (
        capWord(next) &&
        !next.upper &&
        ORG_HEAD.matchAt(tokens, j) === 0 &&
        STANDALONE_ORG.matchAt(tokens, j) === 0 &&
        // `ông Huyện,`, `Ông Vịnh,`: a name that is also a cue word, when no name follows it
        (ADMIN_CUE.matchAt(tokens, j) === 0 || !capWord(tokens[j + ADMIN_CUE.matchAt(tokens, j)])) &&
        PERSON_CUE.matchAt(tokens, j) === 0 &&
        // `nhà vô địch World Cup`: a competition or product after the cue names nobody
        NON_ENTITY_NAME.matchAt(tokens, j) === 0 &&
        KNOWN_ORG.matchAt(tokens, j) === 0
      ) {
        let end = capRunEnd(tokens, j, 5);
        // `Anh Pháp Bồ Đào Nha Tây Ban Nha`: a list of countries, the first of them read as a cue.
        const countryCue = cue === 1 && t.cap && isRegion(lookupPlaceKey(t.key));
        const listEnd = countryCue ? capRunEnd(tokens, j, 8) : j;
        if (countryCue && regionsEnd(tokens, j, listEnd) === listEnd) {
          pushPlace(scan, tokens, i, j);
          pushRegions(scan, tokens, j, listEnd);
          i = listEnd;
          continue;
        }
        let placeLen = placeAt(tokens, j, end - j);
        // A commune or a surname first is the person's name itself (`bà Phan Thị Đông`).
        if (
          placeLen > 0 &&
          placeLen < end - j &&
          isRegion(lookupPlaceKey(keyOf(tokens, j, j + placeLen))) &&
          personShapedLength(tokens, j) < end - j &&
          !(placeLen === 1 && PLACE_GIVEN_NAMES.has(tokens[j]?.key ?? ''))
        ) {
          // `Tổng thống Mỹ Donald Trump`: the office's country comes before the name.
          pushPlace(scan, tokens, j, j + placeLen);
          j += placeLen;
          placeLen = 0;
          end = capRunEnd(tokens, j, 4);
        }
        end = cutAtTitle(tokens, j, Math.min(end, j + 4));
        end = particleRunEnd(tokens, j, end);
        const after = tokens[end];
        const closes =
          end - j >= 2 || !after || after.kind !== 'word' || after.cap || NAME_FOLLOWERS.has(after.key);
        // After a person cue a commune's name is the person's (`TS. Hiếu`, `bà Phan Thị Đông`); a province's or
        // country's stays a place unless it is a full name.
        const personLike =
          placeLen === end - j &&
          ((end - j >= 3 && SURNAME.has(tokens[j]?.key ?? '')) ||
            !isRegion(lookupPlaceKey(keyOf(tokens, j, end))));
        if (
          (placeLen !== end - j || personLike) &&
          closes &&
          // a bare letter names someone only after a kinship word (`em V`), not a title (`LS V-League`)
          (end - j > 1 || (tokens[j]?.text.length ?? 0) > 1 || (!t.upper && HONORIFICS.has(t.key))) &&
          !(hasEnglishWord(tokens, j, end) && !hasVietnameseMark(tokens, j, end)) &&
          (!after || !isWord(after) || after.cap || end - j >= 2 || NAME_FOLLOWERS.has(after.key)) &&
          // `lãnh đạo Vinacomin`, `đại diện Samsung`: a body's leaders or envoys, named by the body
          !(
            ROLE_CUES.has(keyOf(tokens, i, i + cue)) &&
            end - j === 1 &&
            !isVietnameseWord(tokens[j]?.key ?? '')
          )
        ) {
          const short =
            end - j === 1 ||
            (end - j === 2 && !SURNAME.has(tokens[j]?.key ?? '') && !foreignRun(tokens, j, end));
          push(scan, 'person', tokens, j, end, short, true);
          i = end;
          continue;
        }
      }
      i = j;
      continue;
    }
    // Administrative cue: `tỉnh Khánh Hòa`, `TP. Hồ Chí Minh`, `quận 1`.
    const admin = t.text.length === 1 && !adminLetter(tokens, i) ? 0 : ADMIN_CUE.matchAt(tokens, i);
    if (admin > 0) {
      const cueKey = keyOf(tokens, i, i + admin);
      const strong = STRONG_ADMIN.has(cueKey);
      let j = i + admin;
      const abbreviation = admin === 1 && ABBREVIATED_CUES.has(t.key);
      if (abbreviation && tokens[j]?.text === '.') j++;
      const next = tokens[j];
      // `Đường Trường Chinh đông xe`: a street cue opening a sentence (Đường is a rare surname).
      const capitalCue =
        t.cap && (CAPITAL_CUES.has(cueKey) || (t.sentenceStart && (cueKey === 'đường' || cueKey === 'phố')));
      const lowerCue =
        (!t.cap || strong || capitalCue) &&
        !CUE_COMPOUNDS.has(`${tokens[i - 1]?.key} ${t.key}`) &&
        !(next?.sentenceStart && !abbreviation) &&
        (!GUARDED_CUES.has(cueKey) || opensPhrase(tokens, i));
      const numbered = (strong || NUMBERED_CUES.has(cueKey)) && next !== undefined && startsWithDigit(next);
      if (
        lowerCue &&
        next &&
        ((capWord(next) &&
          !ONLY_NUMBERED_CUES.has(cueKey) &&
          (strong || !next.upper) &&
          (PERSON_CUE.matchAt(tokens, j) === 0 || (strong && placeAt(tokens, j, 4) >= 2)) &&
          (ORG_HEAD.matchAt(tokens, j) === 0 || placeAt(tokens, j, 4) >= 2)) ||
          numbered)
      ) {
        let end = numbered ? j + 1 : scopedRunEnd(tokens, j, capRunEndAny(tokens, j, 5));
        // `ngõ 592 Trường Chinh`: an alley's number, then the street it opens onto.
        const alley = cueKey === 'ngõ' || cueKey === 'ngách' || cueKey === 'hẻm' || cueKey === 'kiệt';
        if (numbered && alley && capWord(tokens[end]) && !tokens[end]?.sentenceStart && !tokens[end]?.upper)
          end = capRunEndAny(tokens, end, 4);
        // A known place at the start of a longer name shortens it only when it is itself several words
        // (`huyện Đức Hòa` is not Germany).
        let known = placeAt(tokens, j, end - j);
        if (known === 1 && end - j > 1) known = 0;
        if (known > 0) end = j + known;
        if (!numbered) {
          const dashed = dashedPlaceEnd(tokens, j, end);
          if (dashed > end) {
            end = dashed;
            known = end - j;
          }
        }
        // `cao tốc Bắc - Nam`, `đường Pháp Vân - Cầu Giẽ`: a route named by its two ends names those places.
        const dash = tokens[end]?.text;
        if (
          !numbered &&
          ROUTE_CUES.has(cueKey) &&
          (dash === '-' || dash === '–') &&
          capWord(tokens[end + 1])
        ) {
          const other = capRunEndAny(tokens, end + 1, 4);
          pushPlace(scan, tokens, j, end);
          pushPlace(scan, tokens, end + 1, other);
          i = other;
          continue;
        }
        // Administrative levels are not part of the name (`tỉnh Khánh Hòa` → Khánh Hòa); other cues are
        // (`đường Trần Hưng Đạo`, `sân Mỹ Đình`, `xóm Đông Bình`), with the named place itself when known.
        // A numbered unit keeps its level: `quận 9` names a place, `9` alone does not.
        if (STRIPPED_PREFIX.matchAt(tokens, i) > 0 && !numbered) {
          pushPlace(scan, tokens, j, end);
          end = listedPlacesEnd(scan, tokens, end);
        } else {
          pushPlace(scan, tokens, i, end);
          if (known > 0 && isRegion(lookupPlaceKey(keyOf(tokens, j, end)))) pushPlace(scan, tokens, j, end);
          // `các tuyến đường Lê Văn Sỹ, Nguyễn Kiệm và Huỳnh Văn Bánh`: streets listed after one cue.
          if (!numbered && STREET_CUES.has(cueKey)) end = listedStreetsEnd(scan, tokens, end);
        }
        i = end;
        continue;
      }
    }
    if (!t.cap) {
      const lowerOrg = orgAt(tokens, i, LOWER_ORG_HEAD);
      if (lowerOrg > i) {
        push(scan, 'organization', tokens, i, lowerOrg);
        pushInnerPlaces(scan, tokens, i, lowerOrg);
        i = lowerOrg;
        continue;
      }
      i++;
      continue;
    }
    // A sentence's capitalised first word (`Theo`, `Tại`) before a name is no part of it: the name after
    // it is read on its own (`Theo Bộ Thương mại Hoa Kỳ`).
    if (t.sentenceStart && !t.upper) {
      const common = COMMON.matchAt(tokens, i);
      if (common > 0 && capWord(tokens[i + common])) {
        i += common;
        continue;
      }
    }
    // A known name spanning lower-case words (`Thể thao Việt Nam`, `Hồi giáo`) or a club with `FC` after it.
    const known = KNOWN_ORG.matchAt(tokens, i);
    const runEnd = t.upper ? i + 1 : capRunEnd(tokens, i, 8);
    if (known > runEnd - i) {
      push(scan, 'organization', tokens, i, i + known);
      pushInnerPlaces(scan, tokens, i, i + known, true);
      i += known;
      continue;
    }
    if (!t.upper && tokens[runEnd]?.key === 'fc' && tokens[runEnd]?.spaced) {
      push(scan, 'organization', tokens, i, runEnd + 1);
      pushInnerPlaces(scan, tokens, i, runEnd + 1, true);
      i = runEnd + 1;
      continue;
    }
    // `Đoàn Văn Hậu`: a surname that is also an organisation head opens a person when three names follow.
    const surnameHead = SURNAME.has(t.key) && personShapedLength(tokens, i) >= 3;
    const org = surnameHead ? i : Math.max(orgAt(tokens, i), i + STANDALONE_ORG.matchAt(tokens, i));
    if (org > i) {
      // `Hội An`, `Trường Sa`: a known place that starts like an organisation stays a place.
      const place = placeAt(tokens, i, org - i);
      if (place === org - i) pushPlace(scan, tokens, i, org);
      else {
        push(scan, 'organization', tokens, i, org);
        pushInnerPlaces(scan, tokens, i, org);
      }
      i = org;
      continue;
    }
    const standalone = STANDALONE_ORG.matchAt(tokens, i);
    if (standalone > 0) {
      push(scan, 'organization', tokens, i, i + standalone);
      i += standalone;
      continue;
    }
    const end = t.upper ? i + 1 : particleRunEnd(tokens, i, capRunEnd(tokens, i, 8));
    // `Việt - Trung`, `Bắc - Nam`: one-syllable short names of countries and regions paired by a dash.
    const dash = tokens[end];
    if (
      end === i + 1 &&
      dash &&
      (dash.text === '-' || dash.text === '–') &&
      SHORT_PLACES.has(t.key) &&
      SHORT_PLACES.has(tokens[end + 1]?.key ?? '') &&
      !capWord(tokens[end + 2])
    ) {
      pushPlace(scan, tokens, i, i + 1);
      pushPlace(scan, tokens, end + 1, end + 2);
      i = end + 2;
      continue;
    }
    // `Bà Rịa - Vũng Tàu`: a place whose name has a dash in it.
    const dashed = dashedPlaceEnd(tokens, i, end);
    if (dashed > end) {
      pushPlace(scan, tokens, i, dashed);
      i = dashed;
      continue;
    }
    scan.skipTo = undefined;
    classifyRun(scan, tokens, i, end);
    i = Math.max(end, scan.skipTo ?? 0);
  }
}
