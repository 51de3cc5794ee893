/**
 * Where an organisation's name ends after its head word (`Bộ Lao động, Thương binh và Xã hội`,
 * `UBND tỉnh Khánh Hòa`, `Viện nghiên cứu trồng rau Trung ương`).
 */
import { CONTENT_WORD, listedPairKind, listedSyllable } from '../../../assets/word-pairs';
import { VIETNAMESE_STOPWORDS } from '../../../text/stopwords';
import { lookupPlaceKey, MAX_PLACE_SYLLABLES } from '../places/index';
import { seenInLowerCase, type Token } from '../tokens';
import { adminLetter, dashedPlaceEnd, isRegion, placeAt } from './place-names';
import { personShapedLength } from './shapes';
import { capRunEnd, capRunEndAny, capWord, isVietnameseWord, isWord, keyOf } from './text';
import {
  ADMIN_CUE,
  BRAND_HEADS,
  COMMON,
  COMPLETION_STOPS,
  DOMAIN_ACRONYM,
  DOMAIN_HEADS,
  FUNCTION_WORDS,
  INNER_HEADS,
  KNOWN_ORG,
  MARKED_VOWEL,
  NAME_FOLLOWERS,
  NAMED_ONLY_HEADS,
  NON_ENTITY,
  NOT_ORG_AFTER_HEAD,
  ORG_DOMAIN,
  ORG_HEAD,
  PERSON_CUE,
  SCHOOL_HEAD,
  SCHOOL_KINDS,
  SCOPE,
  STRONG_ADMIN,
  TAIL_DETERMINERS,
  TAIL_OPENING_VERBS,
  TAIL_VERBS,
  YEAR,
} from './words';

/**
 * Organisation from a head noun at i: `Bộ Ngoại giao`, `Bộ Lao động, Thương binh và Xã hội`,
 * `Ban Thư ký Quốc gia về ASEAN`, `UBND tỉnh Khánh Hòa`. Returns the end index, or i when none.
 */
export interface HeadMatcher {
  matchAt(tokens: readonly Token[], i: number): number;
}

/** An organisation's own acronym as a head (`LĐLĐ thị xã Kỳ Anh`, `UBKT Trung ương`). */
export const ACRONYM_HEAD: HeadMatcher = { matchAt: (tokens, i) => (tokens[i]?.upper ? 1 : 0) };

export function orgAt(tokens: readonly Token[], i: number, heads: HeadMatcher = ORG_HEAD): number {
  const head = tokens[i];
  if (!isWord(head) || (heads === ORG_HEAD && !head.cap)) return i;
  // `ĐỘI HÌNH DỰ KIẾN`: a heading in capitals, not an acronym head (`UBND`, `CLB`).
  if (head.upper && MARKED_VOWEL.test(head.key)) return i;
  const headLen = heads.matchAt(tokens, i);
  if (headLen === 0) return i;
  let j = i + headLen;
  // `Đội M.U`, `Đội tuyển Chelsea`: a team word before a known club is no part of its name.
  if (head.key === 'đội' && KNOWN_ORG.matchAt(tokens, j) > 0) return i;
  // `Bộ Luật hình sự` is a code of law, not a ministry.
  if (head.key === 'bộ' && tokens[j]?.key === 'luật') return i;
  // `Trường Sa`, `Trường Sơn`, `Hội An`: a place whose name starts with a head word.
  if (heads === ORG_HEAD && headLen === 1) {
    const run = capRunEnd(tokens, i, 4) - i;
    const after = tokens[i + run];
    if (
      run >= 2 &&
      placeAt(tokens, i, run) === run &&
      (isRegion(lookupPlaceKey(keyOf(tokens, i, i + run))) || !isWord(after) || after.cap)
    )
      return i;
  }
  let end = i;
  let prevCap = false; // previous accepted token was capitalised (a lower-case syllable may complete it)
  let prevUpper = false;
  let nameTokens = 0; // capitalised name words after the head; a generic acronym (THPT) does not count
  let lowerRun = 0;
  let groupCaps = 0; // capitalised words in the current word group (a lower-case syllable completes only the first)
  let afterPlace = false; // the group is a place after an admin cue: no lower-case completion
  // A joining word or mark (`và`, `về`, `&`, a comma in a list) starts a new word group of the same name.
  const joinNext = () => {
    prevCap = false;
    lowerRun = 0;
    groupCaps = 0;
    afterPlace = false;
  };
  // `Trường THPT chuyên Trần Đại Nghĩa`, `Trường THPT dân lập Đinh Tiên Hoàng`: a school's kind, then its name.
  if (SCHOOL_HEAD.matchAt(tokens, i) > 0) {
    const kind = SCHOOL_KINDS.matchAt(tokens, j);
    if (kind > 0 && capWord(tokens[j + kind])) j += kind;
  }
  // The name must start with a capitalised word, an acronym, a number or an admin cue + name.
  const first = tokens[j];
  if (!first) return i;
  if (first.kind === 'punct' || (first.kind === 'word' && !first.cap)) {
    const cue = ADMIN_CUE.matchAt(tokens, j);
    if (!(cue > 0 && STRONG_ADMIN.has(keyOf(tokens, j, j + cue)) && capWord(tokens[j + cue]))) {
      // `Hãng phim truyện Việt Nam`, `Viện nghiên cứu trồng rau Trung ương`: lower-case words straight after
      // the head, when they run to a scope, place or proper name; after a head holding its description
      // (`Ban Quản lý`, `Ban Chỉ đạo`), listed words too (`Ban Quản lý các khu công nghiệp tỉnh …`).
      const tail =
        first.kind === 'word' &&
        heads === ORG_HEAD &&
        !NOT_ORG_AFTER_HEAD.has(first.key) &&
        !NAMED_ONLY_HEADS.has(keyOf(tokens, i, i + headLen))
          ? lowerTailEnd(tokens, j, headLen >= 3 && !tokens[j - 1]?.cap)
          : j;
      return tail > j ? tail : i;
    }
  }
  // An official domain right after the head is taken whole, lower-case syllables and `và` included.
  const domain = capWord(first) ? ORG_DOMAIN.matchAt(tokens, j) : 0;
  if (domain > 0) {
    j += domain;
    end = j;
    nameTokens++;
  }
  while (j < tokens.length) {
    const t = tokens[j];
    if (!t) break;
    if (t.kind === 'number') {
      if (end === i && j !== i + headLen && !afterPlace) break;
      // `Luật Tổ chức TAND 2014`: a year after a name dates a document, it is no part of the name.
      if (YEAR.test(t.text)) break;
      end = j + 1;
      j++;
      // a number closes a word group (`Vùng 3 Hải quân`); a head after it names the parent body
      // (`Bệnh viện Quân y 175 Bộ Quốc phòng`)
      prevCap = false;
      lowerRun = 0;
      groupCaps = 0;
      continue;
    }
    // `Bệnh viện Nhi Trung ương`: a scope closes the name, however it is capitalised; a lower-case one only
    // where no syllable completes a word first (`Bệnh viện Nhi trung ương`).
    const scope = t.kind === 'word' && (t.cap || end === j) && j > i + headLen ? SCOPE.matchAt(tokens, j) : 0;
    if (scope > 1) {
      end = j + scope;
      j = end;
      prevCap = false;
      lowerRun = 0;
      groupCaps = 0;
      continue;
    }
    if (
      t.kind === 'word' &&
      t.cap &&
      !((t.upper || adminLetter(tokens, j)) && ADMIN_CUE.matchAt(tokens, j) > 0)
    ) {
      // A person or another organisation right after the name ends it (`Bộ Ngoại giao Phạm Bình Minh`).
      if (prevUpper && !t.upper) groupCaps = 0; // `Cơ quan CSĐT Công an`: a word after an acronym starts a group
      const personLen =
        nameTokens > 0 && (!prevCap || groupCaps >= 2 || prevUpper) ? personShapedLength(tokens, j) : 0;
      // `Công ty TNHH Vận tải Kim Ngưu`, `Công ty cổ phần Thủy điện Hồng Phát Sơn`: after a business's
      // trade, a name of two or three words is its brand, not a person.
      const brand =
        (personLen === 2 || personLen === 3) &&
        domain === 0 &&
        nameTokens === 1 &&
        lowerRun === 1 &&
        BRAND_HEADS.has(keyOf(tokens, i, i + headLen));
      if (personLen > 0 && !brand && !isRegion(lookupPlaceKey(keyOf(tokens, j, j + personLen)))) break;
      if (j > i + headLen && ORG_HEAD.matchAt(tokens, j) > 0 && lowerRun === 0 && !prevCap) break;
      // `ĐH Thăng Long, ĐH Kinh tế` written without the comma: an acronym head opens the next name.
      if (
        j > i + headLen &&
        t.upper &&
        nameTokens > 0 &&
        !prevUpper &&
        ORG_HEAD.matchAt(tokens, j) > 0 &&
        ORG_HEAD.matchAt(tokens, j - 1) === 0 // not after a head word (`Trường ĐH`)
      )
        break;
      // (`UBND tỉnh Bà Rịa`: a place that starts like a cue does not end it)
      if (j > i + headLen && PERSON_CUE.matchAt(tokens, j) > 0 && !prevCap && placeAt(tokens, j, 4) < 2)
        break;
      end = j + 1;
      j++;
      prevCap = true;
      prevUpper = t.upper;
      if (!NON_ENTITY.has(t.key) || DOMAIN_ACRONYM.has(t.key)) nameTokens++;
      // `Văn phòng Bộ Xây dựng`: the word after an inner head word starts a new word group.
      const afterHead =
        j >= i + headLen + 2 && tokens[j - 2]?.cap && INNER_HEADS.has(tokens[j - 2]?.key ?? '');
      groupCaps = afterHead ? 1 : groupCaps + 1;
      lowerRun = 0;
      continue;
    }
    if (t.kind === 'word') {
      const cue = ADMIN_CUE.matchAt(tokens, j);
      if (cue > 0 && STRONG_ADMIN.has(keyOf(tokens, j, j + cue))) {
        let k = j + cue;
        if (tokens[k]?.text === '.') {
          k++;
          // `HĐND TP. Giấy mời …`: the dot ended the sentence when the next word is no place's.
          const next = tokens[k];
          if (
            capWord(next) &&
            placeAt(tokens, k, 4) === 0 &&
            (COMMON.matchAt(tokens, k) > 0 || seenInLowerCase(next))
          ) {
            end = j + cue;
            break;
          }
        }
        // `Chủ tịch UBND tỉnh Nguyễn Xuân Đường`: the office's province left out, a person named instead.
        const person = capWord(tokens[k]) ? personShapedLength(tokens, k) : 0;
        if (person >= 3 && !lookupPlaceKey(keyOf(tokens, k, k + person))) {
          end = j + cue;
          break;
        }
        if (capWord(tokens[k]) || tokens[k]?.kind === 'number') {
          j = k;
          prevCap = false;
          lowerRun = 0;
          groupCaps = 0;
          afterPlace = true;
          continue;
        }
        break;
      }
      if ((t.key === 'về' || t.key === 'và') && end > i) {
        const next = tokens[j + 1];
        if (
          capWord(next) &&
          ORG_HEAD.matchAt(tokens, j + 1) === 0 &&
          personShapedLength(tokens, j + 1) === 0
        ) {
          j++;
          joinNext();
          continue;
        }
        break;
      }
      // One lower-case syllable may complete a capitalised one (`Ngoại giao`); two more (`nhân dân`) only
      // straight after the head.
      // `Trung tâm Dịch vụ việc làm …`, `Ban Quản lý các khu …`: after the head's description (a capitalised
      // common word completed by a lower-case syllable, no official domain) the tail may hold listed words.
      const described = domain === 0 && nameTokens === 1 && lowerRun === 1 && end === j && !afterPlace;
      // A function word that completes the capitalised word before it into one word of data/words is that
      // word's second syllable (`Trung tâm Đổi mới sáng tạo`: `mới`).
      const completesFunctionWord = FUNCTION_WORDS.has(t.key) && prevCap && completesWord(tokens, j);
      if (FUNCTION_WORDS.has(t.key) && !completesFunctionWord && !(TAIL_DETERMINERS.has(t.key) && described))
        break;
      const prevWord = tokens[j - 1];
      if (
        (!FUNCTION_WORDS.has(t.key) || completesFunctionWord) &&
        prevCap &&
        !prevUpper &&
        lowerRun === 0 &&
        groupCaps === 1 &&
        !COMPLETION_STOPS.has(t.key) &&
        !afterPlace &&
        isVietnameseWord(prevWord?.key ?? '') &&
        // a place takes no lower-case syllable after it (`Bộ Quốc phòng Nga khẳng định`)
        !isRegion(lookupPlaceKey(prevWord?.key ?? ''))
      ) {
        end = j + 1;
        j++;
        lowerRun = 1;
        groupCaps = 0;
        prevCap = false;
        continue;
      }
      const tail: number = end === j && !afterPlace ? lowerTailEnd(tokens, j, described) : j;
      if (tail > j) {
        // A place closing the tail takes no lower-case syllable; another proper name may (`liên cấp Tiểu học`).
        let capStart = tail;
        while (capStart > j && tokens[capStart - 1]?.cap) capStart--;
        afterPlace = capStart < tail && isRegion(lookupPlaceKey(keyOf(tokens, capStart, tail)));
        end = tail;
        j = tail;
        prevCap = false;
        prevUpper = false;
        lowerRun = 0;
        groupCaps = 0;
        continue;
      }
      break;
    }
    // `Bộ Giáo dục & Đào tạo`: an ampersand joins domains as `và` does.
    if (t.text === '&' && end === j && capWord(tokens[j + 1]) && ORG_HEAD.matchAt(tokens, j + 1) === 0) {
      j++;
      joinNext();
      continue;
    }
    if (t.text === ',' && end > i) {
      // `Bộ Lao động, Thương binh và Xã hội`: a comma list inside the name must end in `và` + name.
      const close = commaListEnd(tokens, j + 1);
      if (close > j + 1) {
        j = j + 1;
        joinNext();
        continue;
      }
      break;
    }
    // `Sở Giao thông – Vận tải`, `Bộ Tài nguyên - Môi trường`: two domains of an office joined by a dash.
    if (
      (t.text === '-' || t.text === '–') &&
      end === j &&
      lowerRun === 1 &&
      DOMAIN_HEADS.has(keyOf(tokens, i, i + headLen)) &&
      capWord(tokens[j + 1]) &&
      !tokens[j + 1]?.upper &&
      isWord(tokens[j + 2]) &&
      !tokens[j + 2]?.cap &&
      !FUNCTION_WORDS.has(tokens[j + 2]?.key ?? '') &&
      personShapedLength(tokens, j + 1) === 0 &&
      placeAt(tokens, j + 1, 3) === 0
    ) {
      end = j + 3;
      j = end;
      prevCap = false;
      lowerRun = 1;
      groupCaps = 0;
      continue;
    }
    if ((t.text === '-' || t.text === '–') && end === j && prevCap) {
      // `Sở GD&ĐT Thừa Thiên - Huế`: a place with a dash in its name ends the organisation's.
      let group = j;
      while (group > i + headLen && tokens[group - 1]?.cap && !tokens[group - 1]?.upper) group--;
      const dashed = dashedPlaceEnd(tokens, group, j);
      if (dashed > j) {
        end = dashed;
        break;
      }
    }
    // `Trường THCS Hà Thế Hạnh-Tứ Hạ-TX Hương Trà`: a dash before a place or unit starts the address.
    if (
      t.text === '-' &&
      !t.spaced &&
      end === j &&
      (lookupPlaceKey(keyOf(tokens, j + 1, capRunEndAny(tokens, j + 1, 4))) ||
        (ADMIN_CUE.matchAt(tokens, j + 1) > 0 && tokens[j + 1]?.upper))
    )
      break;
    if ((t.text === '-' || t.text === '&') && !t.spaced && end === j) {
      j++;
      continue;
    }
    break;
  }
  return end > i ? end : i;
}

/** Most lower-case words a name runs through to reach its scope or place. */
export const MAX_LOWER_TAIL = 6;

/**
 * End of a lower-case tail that still belongs to the name before j: descriptive words up to a scope
 * (`Cục Quản lý đấu thầu quốc gia`), a known place (`Viện Tư liệu phim Việt Nam`,
 * `Hiệp hội Vận tải hàng hóa TP.HCM`) or another proper name. Returns j when the words do not reach one:
 * then they are the sentence going on (`Sở Y tế kiểm tra cơ sở`), not the name.
 */
export function lowerTailEnd(tokens: readonly Token[], j: number, described = false): number {
  // After a description, words, not syllables: a listed word of two syllables (`việc làm`) counts once,
  // unless the tail opens with a verb (`Sở Y tế yêu cầu các …`: the sentence goes on).
  const listed = described && TAIL_OPENING_VERBS.matchAt(tokens, j) === 0;
  let afterListed = false;
  for (let k = j, words = 0; words <= MAX_LOWER_TAIL; words++) {
    const t = tokens[k];
    // `Bệnh viện dã chiến cấp 2 số 8`: a number designation closes the name like a proper name, and a
    // number inside the description is one of its words (`cấp 2`).
    if (t?.kind === 'number' && k > j && isWord(tokens[k + 1])) {
      k++;
      continue;
    }
    if (!isWord(t)) return j;
    if (t.key === 'số' && k > j && tokens[k + 1]?.kind === 'number' && !YEAR.test(tokens[k + 1]?.text ?? ''))
      return k + 2;
    if (afterListed && t.key === 'và' && listedLowerWord(tokens, k + 1)) {
      // `khoa học và công nghệ`: two listed words joined by `và` describe the name together
      k++;
      words--;
      afterListed = false;
      continue;
    }
    afterListed = false;
    const scope = SCOPE.matchAt(tokens, k);
    // Straight after a capitalised word the scope is that word's own (`Trung ương` after `Nhi` is read there).
    if (scope > 0 && (k > j || !tokens[j - 1]?.cap || tokens[j - 1]?.upper)) return k + scope;
    if (t.cap) {
      if (k === j || ORG_HEAD.matchAt(tokens, k) > 0) return j;
      const place = placeAt(tokens, k, MAX_PLACE_SYLLABLES, false);
      if (place > 0 && isRegion(lookupPlaceKey(keyOf(tokens, k, k + place)))) return k + place;
      // A proper name ends it too (`Công ty Quản lý quỹ Warburg Pincus`), but not a person's: that is
      // the sentence's object (`Bộ Công an triệu tập Nguyễn Văn A`).
      if (personShapedLength(tokens, k) > 0) return j;
      const end = capRunEndAny(tokens, k, 4);
      return completesWord(tokens, end) ? end + 1 : end;
    }
    if (listed && TAIL_DETERMINERS.has(t.key) && listedLowerWord(tokens, k + 1)) {
      // `các công trình`: the determiner goes with the word after it, counted with it
      k++;
      words--;
      continue;
    }
    if (FUNCTION_WORDS.has(t.key) || TAIL_VERBS.has(t.key)) return j;
    // A listed word is one word of the name's description, whatever its syllables alone are
    // (`việc làm`: `làm` alone would be the sentence's verb).
    if (listed && listedLowerWord(tokens, k)) {
      k += 2;
      afterListed = true;
      continue;
    }
    if (NAME_FOLLOWERS.has(t.key) || VIETNAMESE_STOPWORDS.has(t.key)) return j;
    k++;
  }
  return j;
}

/**
 * The lower-case syllable at `end` completes the capitalised one before it into one content word of data/words
 * (`Ban Quản lý dự án Đường sắt`: the proper name closing a tail is `Đường sắt`, not `Đường`); a place takes
 * none (`… tỉnh Nghệ An tổ chức`).
 */
function completesWord(tokens: readonly Token[], end: number): boolean {
  const cap = tokens[end - 1];
  const low = tokens[end];
  return (
    isWord(cap) &&
    isWord(low) &&
    !low.cap &&
    low.spaced &&
    !isRegion(lookupPlaceKey(cap.key)) &&
    listedPairKind(listedSyllable(cap.key), listedSyllable(low.key)) === CONTENT_WORD
  );
}

/** Tokens k and k + 1 are lower-case syllables making one content word of data/words (`công trình`). */
function listedLowerWord(tokens: readonly Token[], k: number): boolean {
  const a = tokens[k];
  const b = tokens[k + 1];
  return (
    isWord(a) &&
    isWord(b) &&
    !a.cap &&
    !b.cap &&
    b.spaced &&
    listedPairKind(listedSyllable(a.key), listedSyllable(b.key)) === CONTENT_WORD
  );
}

/** From j: `Cap low* (, Cap low*)* và Cap low*` → the end index, or j when the list does not close with `và`. */
export function commaListEnd(tokens: readonly Token[], j: number): number {
  let k = j;
  for (let items = 0; items < 6; items++) {
    if (!capWord(tokens[k]) || ORG_HEAD.matchAt(tokens, k) > 0 || personShapedLength(tokens, k) > 0) return j;
    k++;
    while (isWord(tokens[k]) && !tokens[k]?.cap && !FUNCTION_WORDS.has(tokens[k]?.key ?? '')) k++;
    const sep = tokens[k];
    if (sep?.text === ',') {
      k++;
      continue;
    }
    if (sep?.key === 'và' && capWord(tokens[k + 1])) return k;
    return j;
  }
  return j;
}
