/**
 * Scan rules that read what a cue word introduces: a credit, a person after a title or kinship word, a
 * place after an administrative level or place word, an organisation after a lower-case head noun.
 */

import { lookupPlaceKey } from '../../places/index';
import type { Token } from '../../tokens';
import {
  listedPlacesEnd,
  listedStreetsEnd,
  push,
  pushInnerPlaces,
  pushPlace,
  pushRegions,
} from '../mentions';
import { orgAt } from '../org-name';
import {
  adminLetter,
  dashedPlaceEnd,
  foreignParticleEnd,
  isCommune,
  isRegion,
  placeAt,
  regionBeforeCue,
  regionsEnd,
  scopedRunEnd,
} from '../place-names';
import type { ScanRule } from '../rule';
import { endsInOrgSuffix } from '../run/orgs';
import { cutAtTitle, highlandNameLength, particleRunEnd, personShapedLength } from '../shapes';
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
  opensPhrase,
  startsWithDigit,
} from '../text';
import {
  ABBREVIATED_CUES,
  ABBREVIATED_TITLES,
  ADMIN_CUE,
  CAPITAL_CUES,
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
  PLACE_CUES_LEFT_OUT,
  PLACE_GIVEN_NAMES,
  PLACE_LIST_OPENERS,
  ROLE_CUES,
  ROUTE_CUES,
  SCHOOL_HEAD,
  SCOPE,
  STANDALONE_ORG,
  STREET_CUE_PLACES_BEFORE,
  STREET_CUES,
  STRIPPED_PREFIX,
  STRONG_ADMIN,
  SURNAME,
  UNIT_HEAD_CUE,
} from '../words';

/** `Ảnh: Tùng Phạm`, `Tin-ảnh: Quốc Chiến`: a photo or story credit names a person. */
export const credit: ScanRule = {
  id: 'scan/credit',
  apply(scan, tokens, i) {
    const t = tokens[i] as Token;
    if (!CREDIT.has(t.key) || tokens[i + 1]?.text !== ':' || !capWord(tokens[i + 2])) return undefined;
    const from = i + 2;
    const end = capRunEnd(tokens, from, 4);
    if (end - from < 2 || lookupPlaceKey(keyOf(tokens, from, end)) || ORG_HEAD.matchAt(tokens, from) > 0)
      return undefined;
    push(scan, 'person', tokens, from, end, false, true);
    return end;
  },
};

/**
 * `ông Minh`, `Phó Thủ tướng Phạm Bình Minh`, `HLV Park Hang-seo`, `chị H.`: the name after a person cue is
 * a person's; the cue is read (and skipped) even when no name follows.
 */
export const personCue: ScanRule = {
  id: 'scan/person-cue',
  apply(scan, tokens, i) {
    const t = tokens[i] as Token;
    let cue = PERSON_CUE.matchAt(tokens, i);
    if (cue === 1 && t.cap && !t.sentenceStart && HONORIFICS.has(t.key)) cue = 0;
    // `Đại sứ quán` opens an organisation, not the person `Đại sứ` would.
    if (cue > 0 && t.cap && ORG_HEAD.matchAt(tokens, i) > cue) cue = 0;
    if (cue === 0) return undefined;
    let j = i + cue;
    // `trưởng bản Tà Phìn Hồ`: after a village head, a name with no surname first is the village's.
    if (
      UNIT_HEAD_CUE.matchAt(tokens, i) === cue &&
      capWord(tokens[j]) &&
      !SURNAME.has(tokens[j]?.key ?? '') &&
      highlandNameLength(tokens, j) === 0
    ) {
      const end = capRunEnd(tokens, j, 4);
      pushPlace(scan, tokens, j, end);
      return end;
    }
    // `GS. Per Einar Granum`, `Dr. Lipman`: an abbreviated title keeps its dot.
    if (tokens[j]?.text === '.' && !tokens[j]?.spaced && cue === 1 && ABBREVIATED_TITLES.has(t.key)) j++;
    const next = tokens[j];
    // `cô giáo H' Hen Niê`: a Central Highlands name runs over its opener's apostrophe.
    const highland = highlandNameLength(tokens, j);
    if (highland > 0) {
      push(scan, 'person', tokens, j, j + highland, false, true);
      return j + highland;
    }
    // `chị H.`, `anh Th.`: initials stand for a person the article does not name; a two-letter syllable is a
    // name whose sentence ends (`anh Tú.`, `bà Nở.`).
    if (
      capWord(next) &&
      (next.text.length === 1 || (next.text.length === 2 && !isVietnameseWord(next.key))) &&
      tokens[j + 1]?.text === '.' &&
      HONORIFICS.has(tokens[i + cue - 1]?.key ?? '')
    ) {
      scan.mentions.push({
        type: 'person',
        text: `${next.text}.`,
        key: `${next.key}.`,
        cued: true,
        rule: scan.rule,
      });
      return j + 2;
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
        return listEnd;
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
        // `các cầu thủ Kiến Tạo Bank`: the players' club, read by the run rules
        !endsInOrgSuffix(tokens, j, end) &&
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
        return end;
      }
    }
    return j;
  },
};

/** `tỉnh Khánh Hòa`, `TP. Hồ Chí Minh`, `quận 1`, `đường Trần Hưng Đạo`: the name after a place cue is a place. */
export const placeCue: ScanRule = {
  id: 'scan/place-cue',
  apply(scan, tokens, i) {
    const t = tokens[i] as Token;
    const admin = t.text.length === 1 && !adminLetter(tokens, i) ? 0 : ADMIN_CUE.matchAt(tokens, i);
    if (admin === 0) return undefined;
    const cueKey = keyOf(tokens, i, i + admin);
    const strong = STRONG_ADMIN.has(cueKey);
    let j = i + admin;
    const abbreviation = admin === 1 && ABBREVIATED_CUES.has(t.key);
    if (abbreviation && tokens[j]?.text === '.') j++;
    // `cửa khẩu quốc tế Tây Trang`: a lower-case scope between a kind word and the name is left out with it.
    const scope = PLACE_CUES_LEFT_OUT.has(cueKey) && !tokens[j]?.cap ? SCOPE.matchAt(tokens, j) : 0;
    if (scope > 0 && capWord(tokens[j + scope]) && !tokens[j + scope]?.sentenceStart) j += scope;
    const next = tokens[j];
    // `Đường Trường Chinh đông xe`, `Trên Đường Lê Duẩn`: a street cue opening a sentence or after a word
    // that places it (Đường is a rare surname).
    const capitalCue =
      t.cap &&
      (CAPITAL_CUES.has(cueKey) ||
        ((t.sentenceStart || STREET_CUE_PLACES_BEFORE.has(tokens[i - 1]?.key ?? '')) &&
          (cueKey === 'đường' || cueKey === 'phố')));
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
        (PERSON_CUE.matchAt(tokens, j) === 0 ||
          (strong && placeAt(tokens, j, 4) >= 2) ||
          // `núi Bà Đen`, `cù lao Ông Hổ`: a capitalised kinship word opens the place's name
          (HONORIFICS.has(next.key) && capWord(tokens[j + 1]) && !tokens[j + 1]?.upper)) &&
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
      // `chùa Linh Sơn Tiên Thạch`: after a kind word that is no administrative level, a commune's name
      // opening a longer name is part of it, unless a place follows (`chợ Bến Thành Sài Gòn`).
      if (
        known > 1 &&
        known < end - j &&
        !strong &&
        !numbered &&
        isCommune(lookupPlaceKey(keyOf(tokens, j, j + known))) &&
        placeAt(tokens, j + known, end - j - known) === 0 &&
        personShapedLength(tokens, j + known) === 0
      )
        known = end - j;
      if (known > 0) end = j + known;
      else if (!numbered) end = foreignParticleEnd(tokens, j, end);
      if (!numbered) {
        const dashed = dashedPlaceEnd(tokens, j, end);
        if (dashed > end) {
          end = dashed;
          known = end - j;
        }
      }
      const region = numbered ? i : regionBeforeCue(tokens, i, end);
      if (region < i) {
        pushPlace(scan, tokens, region, end);
        return end;
      }
      // `cao tốc Bắc - Nam`, `đường Pháp Vân - Cầu Giẽ`: a route named by its two ends names those places.
      const dash = tokens[end]?.text;
      if (!numbered && ROUTE_CUES.has(cueKey) && (dash === '-' || dash === '–') && capWord(tokens[end + 1])) {
        const other = capRunEndAny(tokens, end + 1, 4);
        pushPlace(scan, tokens, j, end);
        pushPlace(scan, tokens, end + 1, other);
        return other;
      }
      // Administrative levels are not part of the name (`tỉnh Khánh Hòa` → Khánh Hòa); other cues are
      // (`đường Trần Hưng Đạo`, `sân Mỹ Đình`, `xóm Đông Bình`), with the named place itself when known.
      // A numbered unit keeps its level: `quận 9` names a place, `9` alone does not.
      if (STRIPPED_PREFIX.matchAt(tokens, i) > 0 && !numbered) {
        pushPlace(scan, tokens, j, end);
        end = listedPlacesEnd(scan, tokens, end);
      } else {
        // the kind word and scope are left out of the name later; the name is read alone here
        pushPlace(scan, tokens, scope > 0 ? j : i, end);
        if (scope === 0 && known > 0 && isRegion(lookupPlaceKey(keyOf(tokens, j, end))))
          pushPlace(scan, tokens, j, end);
        // `các tuyến đường Lê Văn Sỹ, Nguyễn Kiệm và Huỳnh Văn Bánh`: streets listed after one cue.
        if (!numbered && STREET_CUES.has(cueKey)) end = listedStreetsEnd(scan, tokens, end);
      }
      return end;
    }
    return undefined;
  },
};

/** Whether a person cue (`Giám đốc`, `Trưởng khoa`) ends right before token i. */
function cueEndsAt(tokens: readonly Token[], i: number): boolean {
  for (let len = 1; len <= 3 && len <= i; len++) if (PERSON_CUE.matchAt(tokens, i - len) === len) return true;
  return false;
}

/** `công ty BSC`, `bệnh viện Bạch Mai`: a lower-case head noun still opens an organisation's name. */
export const lowerOrgHead: ScanRule = {
  id: 'scan/lower-org-head',
  apply(scan, tokens, i) {
    if ((tokens[i] as Token).cap) return undefined;
    const end = orgAt(tokens, i, LOWER_ORG_HEAD);
    if (end <= i) return undefined;
    const name = i + LOWER_ORG_HEAD.matchAt(tokens, i);
    // `các câu lạc bộ Đông Nam Á`, `những ngân hàng Việt Nam`: bodies of a kind in a place are no one body.
    if (
      PLACE_LIST_OPENERS.has(tokens[i - 1]?.key ?? '') &&
      placeAt(tokens, name, end - name) === end - name &&
      isRegion(lookupPlaceKey(keyOf(tokens, name, end)))
    )
      return undefined;
    // `Giám đốc bệnh viện Hoàng Văn Nghĩa`: a title's lower-case body then a full name is the title holder's;
    // not a school's, which is named after a person (`Hiệu trưởng trường THCS Hà Thế Hạnh`).
    if (
      end - name >= 3 &&
      personShapedLength(tokens, name) === end - name &&
      cueEndsAt(tokens, i) &&
      SCHOOL_HEAD.matchAt(tokens, i) === 0
    )
      return undefined;
    push(scan, 'organization', tokens, i, end);
    pushInnerPlaces(scan, tokens, i, end);
    return end;
  },
};
