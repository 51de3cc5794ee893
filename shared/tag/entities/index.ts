/**
 * Entity tagger for Vietnamese news: persons, organisations and places (with their 2025 province),
 * from title, lede, body and captions. Rules over capitalised-syllable sequences plus hand-written
 * lexicons and the admin-unit gazetteer; pure TypeScript, everything built once at module load.
 */
import type { Entities, Entity, PlaceEntity, Province } from '../../model/article';
import type { ParsedArticle } from '../../parse/types';
import { VIETNAMESE_STOPWORDS } from '../../text/stopwords';
import { lookupPlaceKey, MAX_PLACE_SYLLABLES, mayStartPlace, type PlaceInfo } from '../places/index';
import {
  ADMIN_CUES,
  ADMIN_PREFIXES_STRIPPED,
  COMMON_CAPITALISED,
  EAST_ASIAN_SURNAMES,
  FOREIGN_ORG_SUFFIXES,
  KNOWN_ORGS,
  KNOWN_PERSONS,
  LOWER_ORG_HEADS,
  NATIONALITY_CUES,
  NON_ENTITY_NAMES,
  NON_ENTITY_TOKENS,
  ORG_DOMAIN_ACRONYMS,
  ORG_DOMAINS,
  ORG_HEADS,
  PERSON_CUES,
  PLACE_PREPOSITIONS,
  STANDALONE_ORGS,
  SURNAMES,
} from './lexicon';
import { PhraseSet } from './phrases';
import { seenInLowerCase, startArticle, type Token, tokenize } from './tokens';

export interface ExtractOptions {
  /** ISO 639-1 language of the article; entities are only extracted for languages the tagger reads. */
  language?: string;
}

/** Languages the entity rules are written for. Others get no entities rather than wrong ones. */
export const ENTITY_LANGUAGES: ReadonlySet<string> = new Set(['vi']);

type EntityType = 'person' | 'organization' | 'place';

interface Mention {
  type: EntityType;
  /** Surface form as written. */
  text: string;
  /** Token keys joined by a space. */
  key: string;
  province?: Province;
  /** Person mentioned by one name only (`ông Minh`): merged into a full name when one fits. */
  short?: boolean;
  /** A cue word (`ông`, `Bộ trưởng`) introduced it, so it stands even without a full name. */
  cued?: boolean;
  /** Guessed from shape alone (`Chí Bảo`, `Đức`): yields to a person or place read elsewhere in the article. */
  weak?: boolean;
}

const SURNAME = new Set(SURNAMES.map((s) => s.toLowerCase().normalize('NFC')));
const EAST_ASIAN_SURNAME = new Set(EAST_ASIAN_SURNAMES.map((s) => s.toLowerCase()));
const PERSON_CUE = new PhraseSet(PERSON_CUES);
/** One-word kinship honorifics: capitalised mid-sentence they are names (`Anh`, `Bác Hồ`), not cues. */
const HONORIFICS = new Set(
  'ông bà anh chị em cô chú bác cụ cháu cậu dì mợ thím bé con mẹ bố cha vợ chồng bạn nàng chàng lão gã tên sao tân cựu'.split(
    ' ',
  ),
);
/** First syllables that make a capitalised pair a term, not a name (`Phó Chủ tịch`, `Ban Tổ chức`). */
const NOT_NAME_START = new Set(
  (
    'tổ phó ban phòng bộ khối luật theo tiếng sở cục vụ viện hội đội nhà công tổng trung quỹ lễ giải đại chương dự ' +
    'nghị thông quyết chỉ kế tòa toà trường khoa cảng sân chợ cầu đường phố khu làng xóm ấp núi sông hồ biển đảo ' +
    'vịnh châu miền vùng tết thứ tháng năm ngày mùa lời bài tin chuyện câu phần chương mục điều khoản kỳ vòng ' +
    'đề án hợp hiệp nghiên báo tạp đài sách phim truyện giáo dân quân cảnh tư thủ ủy uỷ tờ dịp rời vị khám ổng'
  ).split(' '),
);
const ORG_HEAD = new PhraseSet(ORG_HEADS);
const STANDALONE_ORG = new PhraseSet(STANDALONE_ORGS);
const ADMIN_CUE = new PhraseSet(ADMIN_CUES);
const STRIPPED_PREFIX = new PhraseSet(ADMIN_PREFIXES_STRIPPED);
const STRONG_ADMIN = new Set([
  'tỉnh',
  'thành phố',
  'tp',
  'tp.',
  'huyện',
  'quận',
  'thị xã',
  'tx',
  'tx.',
  'xã',
  'phường',
  'thị trấn',
  'đặc khu',
  'thôn',
  'ấp',
  'xóm',
  'làng',
  'q.',
  'p.',
  'h.',
  // `Q.10`, `P.Tân Phong`, `H. Hòa Vang`: one letter, only with its dot (see `adminLetter`)
  'q',
  'p',
  'h',
]);
const PLACE_PREPOSITION = new Set(PLACE_PREPOSITIONS);
const COMMON = new PhraseSet(COMMON_CAPITALISED);
const DOMAIN_ACRONYM = new Set(ORG_DOMAIN_ACRONYMS.map((t) => t.toLowerCase()));
const NON_ENTITY = new Set([...NON_ENTITY_TOKENS.map((t) => t.toLowerCase()), ...DOMAIN_ACRONYM]);
const NON_ENTITY_NAME = new PhraseSet(NON_ENTITY_NAMES);
const NATIONALITY_CUE = new PhraseSet(NATIONALITY_CUES);
const LOWER_ORG_HEAD = new PhraseSet(LOWER_ORG_HEADS);
const KNOWN_ORG = new PhraseSet(KNOWN_ORGS);
const ORG_DOMAIN = new PhraseSet(ORG_DOMAINS);
const KNOWN_PERSON = new PhraseSet(KNOWN_PERSONS);
/** Words that introduce a photo or story credit, always followed by `:` and a person. */
const CREDIT = new Set(['ảnh', 'photo', 'tin-ảnh', 'bài-ảnh']);
/** First words of every lower-case cue: any other lower-case word cannot start anything. */
const LOWER_CUE_FIRSTS = new Set([
  ...PERSON_CUE.firsts(),
  ...ADMIN_CUE.firsts(),
  ...LOWER_ORG_HEAD.firsts(),
  ...CREDIT,
]);
const ORG_SUFFIX = new Set(FOREIGN_ORG_SUFFIXES.map((t) => t.toLowerCase()));
/** Words that may follow a one-syllable name after a cue (`ông Minh cho biết`), so the name ends there. */
const NAME_FOLLOWERS = new Set(
  (
    'cho nói đã đang sẽ vừa cũng còn là và với của thì mà bị được không chưa từng có đến về đi tại ở trong sau ' +
    'trước khi nhưng nên vẫn luôn rất mới ra lên vào gửi nhận ký tiếp gặp làm hỏi đưa dẫn đặt giữ cùng người ' +
    'sinh năm kể chia khẳng nhấn đề yêu phát trả tâm giải thừa bày lo tuyên cáo thông cho biết chủ trì hiện ' +
    'đều lại chỉ muốn phải cần bắt thấy nghĩ biết nêu ghi mở ngồi đứng chạy bước trở tự ông bà anh chị ' +
    'này đó ấy kia thuộc do bởi sở vì như hay hoặc thay theo đồng quyết tham dự nhớ cười khóc xin mong ' +
    'hy hi chết tử qua mất đánh giết chém bỏ kêu gọi trao tặng nhìn xem dạy viết hát chơi thắng thua'
  ).split(' '),
);
// Vietnamese syllable shape without diacritics, to tell `Minh` (Vietnamese) from `Trump` (foreign).
const VIETNAMESE_SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(oai|oay|uay|uoi|uya|uye|ieu|yeu|uou|ai|ao|au|ay|eo|eu|ia|iu|oa|oi|ua|ui|uy|oe|uo|ue|ie|ye|a|e|i|o|u|y)(c|ch|m|n|ng|nh|p|t)?$/;
const ROMAN = /^[IVXLC]+$/;
const YEAR = /^(?:19|20)\d\d$/;
const WEBSITE = /\.(?:vn|com|net|org)$/i;
/** A code or model number: capitals then digits (`U70`, `X20`). */
const CODE = /^\p{Lu}+\d+$/u;

function endsWithDigit(t: Token): boolean {
  const c = t.text.charCodeAt(t.text.length - 1);
  return c >= 48 && c <= 57;
}

/** Age groups that field teams: U15 to U23. */
const AGE_GROUP = /^U\.?(?:1[5-9]|2[0-3])$/;
/** `PGS-TS-BS`, `UBND-KT`: a compound of titles or generic acronyms is no name either. */
function nonEntityCompound(key: string): boolean {
  if (NON_ENTITY.has(key)) return true;
  const parts = key.split(/[-.]/);
  return parts.length > 1 && parts.every((p) => NON_ENTITY.has(p));
}
/** Initials of a Vietnamese name (`T.T.V`, `N.H`): a surname's initial, then one to four more letters. */
const INITIALS = /^[BCDĐGHKLMNPQSTVX](?:\.[A-ZĐ]){1,4}\.?$/u;
/** One-syllable short names of countries and regions, paired in `Việt - Trung`, `Bắc - Nam`. */
const SHORT_PLACES = new Set(
  'việt trung mỹ nga nhật hàn pháp anh đức lào thái ấn úc triều bắc nam đông tây miên xiêm ý'.split(' '),
);
const VOWEL = /[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;
/** Police departments go by codes (`PC45`, `PA92`). */
const POLICE_UNIT = /^(PC|PA|PK|PV|PX|C)\d{2,3}$/;
/** Common English words: a capitalised run holding one is a title, product or event, not a person's name. */
const ENGLISH_WORDS = new Set(
  (
    'the of and a an in on at to for with by from my your our his her me you we be is are love girl girls boy ' +
    'boys home music smart display edition series pro plus mini max cup league games game idol kids awards ' +
    'award screen mode video audio fan new best top star stars world summit festival show tour day night ' +
    'life money book rich big little talk good bad hot happy up down out go one all no not system menu store ' +
    'phone watch style king queen prince house hotel school university college index fund bank news post ' +
    'times team club united city open finals final sense learning machine display engine inverter fresh cooling ' +
    'finance group center centre service services project studio studios entertainment media network ' +
    'sale sales winter summer autumn spring start cheer golden circle black white red blue green forest cake ' +
    'cheese face lucky sky sport sports power secret standard trip culture charge quick underground cup ' +
    'news front composite automatic millionaire charm beauty fashion street food coffee tea beer wine ' +
    'party dance songs story stories war wars battle mission force air sea land water fire ice ' +
    'dream dreams heart hearts soul dark light gold silver diamond crystal magic wonder wonders ' +
    'challenge contest race run running walk beach garden grand royal national international global ' +
    'digital online mobile phones camera tech technology smartphone tablet laptop wireless ' +
    'premium limited special classic original official free first last next real true live acid vitamin vitamins ' +
    'science advances alert journal daily weekly review report magazine nature health medical research insider ' +
    'today mail herald tribune press bright side every pink lavender green cinematic color sound touch'
  ).split(' '),
);

/** Words naming a kind of weapon, vehicle or device: the lone foreign word after one is its model. */
const PRODUCT_KINDS = new Set(
  (
    'tên lửa,phòng không,tàu ngầm,tiêm kích,máy bay,trực thăng,xe tăng,pháo,chip,vi xử lý,phần mềm,ứng dụng,' +
    'mẫu,dòng,phiên bản,hệ điều hành,trình duyệt,tàu,chiến hạm,súng,tổ hợp'
  ).split(','),
);

function productBefore(tokens: readonly Token[], from: number): boolean {
  const one = tokens[from - 1];
  if (!isWord(one) || one.cap) return false;
  const two = tokens[from - 2];
  return PRODUCT_KINDS.has(one.key) || (isWord(two) && PRODUCT_KINDS.has(`${two.key} ${one.key}`));
}

/** Known names that open a club's longer name (`Real Betis`, `Inter Milan`, `Sporting Lisbon`). */
const CLUB_STEMS = new Set(
  'real inter ajax atletico athletic sporting dinamo dynamo olympique racing'.split(' '),
);

/** Places that are also given names (`Jordan Bell`, `Sofia Richie`, `Paris Hilton`). */
const PLACE_GIVEN_NAMES = new Set(
  'jordan sofia georgia victoria florence paris sydney austin brooklyn india chelsea madison savannah phoenix lincoln washington jackson santiago dallas houston orlando'.split(
    ' ',
  ),
);

/** Words that make a foreign run a place (`Menlo Park`, `Green Bay`, `Burj Khalifa`, `Port Lavaca`). */
const FOREIGN_PLACE_WORDS = new Set(
  (
    'park bay tower towers arena avenue street square bridge lake river island islands beach resort port mount ' +
    'mountain mountains valley hill hills town station airport gate garden gardens palace castle stadium canyon ' +
    'falls strait sea ocean desert coast peninsula harbor harbour burj plaza boulevard road camp village'
  ).split(' '),
);

function hasEnglishWord(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t && (ENGLISH_WORDS.has(t.key) || /\d/.test(t.text))) return true;
  }
  return false;
}
/** Does any word of [from, to) carry a Vietnamese diacritic (then it is no English title)? */
function hasVietnameseMark(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (VIETNAMESE_MARK.test(tokens[k]?.key ?? '')) return true;
  return false;
}

/** One-syllable country names that also open common words: `Pháp luật`, `Anh hùng`, `Mỹ thuật`. */
const COUNTRY_COMPOUNDS = new Set(
  (
    'pháp luật,pháp chế,pháp lý,pháp nhân,pháp y,pháp quyền,pháp định,pháp sư,pháp môn,pháp lệnh,pháp điển,' +
    'đức tin,đức tính,đức hạnh,đức độ,đức phật,anh hùng,anh em,anh chị,anh trai,anh ta,anh ấy,anh hào,anh linh,' +
    'anh dũng,anh tài,anh tú,anh minh,mỹ thuật,mỹ phẩm,mỹ nhân,mỹ nghệ,mỹ mãn,mỹ lệ,mỹ nữ,mỹ học,mỹ quan,mỹ vị,' +
    'ý kiến,ý nghĩa,ý thức,ý tưởng,ý chí,ý định,ý muốn,ý tứ,nhật ký,nhật báo,nhật trình,nhật thực,hàn gắn,' +
    'hàn lâm,hàn thử,áo dài,áo khoác,áo mưa,nga my,lào cai,úc châu,nhật kí'
  ).split(','),
);
const MARKED_VOWEL = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;
const VIETNAMESE_MARK = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;

function isVietnameseWord(key: string): boolean {
  if (VIETNAMESE_MARK.test(key)) return true;
  return VIETNAMESE_SYLLABLE.test(key);
}

function isWord(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'word';
}

function capWord(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'word' && t.cap;
}

/** Surface text of tokens [from, to), re-spaced as written. */
function surface(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) break;
    out += i > from && t.spaced ? ` ${t.text}` : t.text;
  }
  return out;
}

function keyOf(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) break;
    if (t.kind === 'punct') {
      if (t.text === ',' || t.text === '-' || t.text === '&') out += t.text === ',' ? ',' : ` ${t.text}`;
      continue;
    }
    out += out ? ` ${t.key}` : t.key;
  }
  return out;
}

/** A capitalised run [i, end) with no punctuation; all-caps tokens form runs of their own. */
function capRunEnd(tokens: readonly Token[], i: number, max: number): number {
  let j = i;
  const upper = tokens[i]?.upper ?? false;
  while (
    j < tokens.length &&
    j - i < max &&
    capWord(tokens[j]) &&
    (tokens[j]?.upper ?? false) === upper &&
    (j === i || !tokens[j]?.sentenceStart)
  )
    j++;
  return j;
}

/**
 * Surnames that are still plainly Vietnamese written without diacritics (`Nguyen Van Tin` in a donor list
 * or a foreign paper); the short ones (`Le`, `Do`, `Ho`) are English or French words too often.
 */
const UNACCENTED_SURNAME = new Set(
  (
    'nguyen tran pham hoang huynh phan vu vo dang bui duong truong trinh dinh ngo dao doan luong luu vuong ' +
    'quach phung'
  ).split(' '),
);
const ASCII_WORD = /^[a-z]+$/;

/** Titles written abbreviated with a dot before a name: `GS. Per Einar Granum`, `Dr. Lipman`. */
const ABBREVIATED_TITLES = new Set([
  'gs',
  'pgs',
  'ts',
  'ths',
  'bs',
  'ks',
  'ls',
  'dr',
  'mr',
  'mrs',
  'ms',
  'ns',
  'kts',
]);

/** Lower-case particles inside foreign names: `Frank de Boer`, `Roger van Damme`, `Cecily von Ziegesar`. */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'de',
  'da',
  'di',
  'du',
  'der',
  'den',
  'bin',
  'ibn',
  'al',
  'el',
  'del',
  'dos',
]);

/**
 * End of a foreign name run [i, end) carried across a lower-case particle (`Frank de Boer`) or a middle
 * initial's dot (`George W. Bush`) and the capitals after it; `end` when the run is not foreign or neither
 * follows.
 */
function particleRunEnd(tokens: readonly Token[], i: number, end: number): number {
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
function cutAtTitle(tokens: readonly Token[], i: number, end: number): number {
  for (let k = i + 1; k < end; k++)
    if (tokens[k]?.key === 'theo' || PERSON_CUE.matchAt(tokens, k) >= 2) return k;
  return end;
}

/** Person-shaped: surname + 1–3 more capitalised Vietnamese syllables. */
function personShapedLength(tokens: readonly Token[], i: number): number {
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
function eastAsianNameLength(tokens: readonly Token[], i: number, to: number): number {
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

/** Longest known place starting at i among capitalised words: its length, or 0. */
function placeAt(tokens: readonly Token[], i: number, maxLen: number, communes = true): number {
  const first = tokens[i];
  // Most words start no place: remembered on the key, so no joined keys are built and looked up for them.
  if (first === undefined || !startsPlace(first)) return 0;
  const end = Math.min(capRunEndAny(tokens, i, MAX_PLACE_SYLLABLES), i + maxLen);
  for (let j = end; j > i; j--) {
    const info = lookupPlaceKey(keyOf(tokens, i, j));
    if (info && (communes || info.kind !== 'former-commune')) return j - i;
  }
  return 0;
}

function startsPlace(t: Token): boolean {
  let starts = t.seen.placeFirst;
  if (starts === undefined) {
    starts = mayStartPlace(t.key);
    t.seen.placeFirst = starts;
  }
  return starts;
}

/** A province, former province or world place: names that are never a person's. */
function isRegion(info: PlaceInfo | undefined): boolean {
  return info !== undefined && info.kind !== 'commune' && info.kind !== 'former-commune';
}

/** Is a person's full name (maybe after a title) and a closing bracket at k? */
function actorAt(tokens: readonly Token[], k: number): boolean {
  const cue = PERSON_CUE.matchAt(tokens, k);
  const from = k + cue;
  const end = capRunEnd(tokens, from, 4);
  if (end - from < 2 || tokens[end]?.text !== ')' || lookupPlaceKey(keyOf(tokens, from, end))) return false;
  return (
    personShapedLength(tokens, from) === end - from || eastAsianNameLength(tokens, from, end) === end - from
  );
}

/** Is there a house number right before `from`, after `số`, `tại`, `ở` or an opening bracket? */
function houseNumberBefore(tokens: readonly Token[], from: number): boolean {
  let k = from - 1;
  if (tokens[k]?.text === '-' && !tokens[k]?.spaced) k--;
  const number = tokens[k];
  if (number?.kind !== 'number') return false;
  const before = tokens[k - 1];
  return (
    before !== undefined &&
    (before.key === 'số' || before.key === 'tại' || before.key === 'ở' || before.text === '(')
  );
}

/** Pushes the regions [from, to) that `regionsEnd` found, one place each. */
function pushRegions(scan: Scan, tokens: readonly Token[], from: number, to: number): void {
  for (let k = from; k < to; ) {
    const len = placeAt(tokens, k, to - k, false);
    pushPlace(scan, tokens, k, k + len);
    k += len;
  }
}

/** End of the regions (countries, provinces) that follow each other from i with no break, when two or more. */
function regionsEnd(tokens: readonly Token[], i: number, to: number): number {
  // Most runs hold fewer than two words that can start a place: no lookups for them.
  let starts = 0;
  for (let k = i; k < to && starts < 2; k++) if (startsPlace(tokens[k] as Token)) starts++;
  if (starts < 2) return i;
  let k = i;
  let count = 0;
  let longest = 0;
  while (k < to) {
    const len = placeAt(tokens, k, to - k, false);
    if (len === 0 || !isRegion(lookupPlaceKey(keyOf(tokens, k, k + len)))) break;
    k += len;
    count++;
    longest = Math.max(longest, len);
  }
  // Two one-syllable names may be a person's (`Anh Đức`): then it takes a third.
  return count >= 3 || (count === 2 && longest >= 2) ? k : i;
}

/** Is the run [from, to) in a place context: after `tại`, `ở`…, or followed by `, <province>`? */
function placeContext(tokens: readonly Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  if (before && PLACE_PREPOSITION.has(before.key)) return true;
  if (tokens[to]?.text !== ',' || !capWord(tokens[to + 1])) return false;
  const kind = lookupPlaceKey(keyOf(tokens, to + 1, capRunEndAny(tokens, to + 1, 4)))?.kind;
  return kind === 'province' || kind === 'former-province';
}

/** Capitalised words, including acronyms, from i (no punctuation). */
function capRunEndAny(tokens: readonly Token[], i: number, max: number): number {
  let j = i;
  while (j < tokens.length && j - i < max && capWord(tokens[j]) && (j === i || !tokens[j]?.sentenceStart))
    j++;
  return j;
}

/** Words that end an organisation name when they follow it (`Bộ Công Thương vừa …`). */
const FUNCTION_WORDS = new Set(
  (
    'và của cho tại ở với các những đã là được bị thì mà này đó khi trong từ về cùng có không theo để do vì ' +
    'như trên dưới sau trước đến năm ngày tháng vào ra hay hoặc nhưng đang vừa sẽ cũng vẫn còn mới đều chưa ' +
    'luôn rất nói cho biết tiếp đề yêu chỉ lại thuộc đây kia ấy nên phải cần nhằm qua hơn'
  ).split(' '),
);
// `đề nghị`, `yêu cầu` stop a name at their first syllable; their second completes names (`Hữu nghị`, `Toàn cầu`).

/**
 * Organisation from a head noun at i: `Bộ Ngoại giao`, `Bộ Lao động, Thương binh và Xã hội`,
 * `Ban Thư ký Quốc gia về ASEAN`, `UBND tỉnh Khánh Hòa`. Returns the end index, or i when none.
 */
interface HeadMatcher {
  matchAt(tokens: readonly Token[], i: number): number;
}

/** An organisation's own acronym as a head (`LĐLĐ thị xã Kỳ Anh`, `UBKT Trung ương`). */
const ACRONYM_HEAD: HeadMatcher = { matchAt: (tokens, i) => (tokens[i]?.upper ? 1 : 0) };

function orgAt(tokens: readonly Token[], i: number, heads: HeadMatcher = ORG_HEAD): number {
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
      // the head, when they run to a scope, place or proper name.
      const tail =
        first.kind === 'word' &&
        heads === ORG_HEAD &&
        !NOT_ORG_AFTER_HEAD.has(first.key) &&
        !NAMED_ONLY_HEADS.has(keyOf(tokens, i, i + headLen))
          ? lowerTailEnd(tokens, j)
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
      if (personLen > 0 && !isRegion(lookupPlaceKey(keyOf(tokens, j, j + personLen)))) break;
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
      if (FUNCTION_WORDS.has(t.key)) break;
      const prevWord = tokens[j - 1];
      if (
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
      const tail: number = end === j && !afterPlace ? lowerTailEnd(tokens, j) : j;
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

/**
 * Lower-case words that make a head a different word (`Hội thảo`, `Bộ luật`, `Trường hợp`, `Viện phó`):
 * what follows is no organisation's name.
 */
const NOT_ORG_AFTER_HEAD = new Set(
  (
    'thảo chứng chợ sách nghị viên luật tộc đôi phận máy trưởng hợp chí cáo phó lãnh giám đại tiêu sản ' +
    'trình phim ảnh công tư chủ quản trưởng ban đội lớp tập thi hình ngũ dừng điền'
  ).split(' '),
);

/** One-word heads that open a name inside another (`Văn phòng Bộ Xây dựng`, `Ban Tuyên giáo Tỉnh ủy`). */
const INNER_HEADS = new Set(['bộ', 'sở', 'cục', 'viện', 'ban', 'vụ', 'phòng', 'trường', 'hội', 'tổng cục']);

const SCHOOL_HEAD = new PhraseSet([
  'trường',
  'trường tiểu học',
  'trường thcs',
  'trường thpt',
  'trường mầm non',
]);
const SCHOOL_KINDS = new PhraseSet([
  'chuyên',
  'dân lập',
  'tư thục',
  'công lập',
  'bán trú',
  'liên cấp',
  'quốc tế',
]);

/** Heads of offices named by their domains (`Sở Văn hóa - Thể thao`). */
const DOMAIN_HEADS = new Set([
  'bộ',
  'sở',
  'cục',
  'tổng cục',
  'vụ',
  'phòng',
  'ban',
  'ủy ban',
  'uỷ ban',
  'viện',
]);

/** Person cues that are as often followed by the organisation the people belong to. */
const ROLE_CUES = new Set(['lãnh đạo', 'đại diện', 'chủ đầu tư', 'cán bộ', 'trưởng đoàn', 'thủ lĩnh']);

/** Heads whose name is capitalised (`Đội CSGT`, `Trạm Y tế`): lower-case words after them are the sentence's. */
const NAMED_ONLY_HEADS = new Set(['đội', 'đội tuyển', 'trạm', 'đồn']);

/** Lower-case words that close an official name's scope: `Ủy ban Kiểm tra trung ương`. */
const SCOPE = new PhraseSet(['trung ương', 'quốc gia', 'quốc tế', 'liên bang', 'toàn quốc', 'tối cao']);
/** Most lower-case words a name runs through to reach its scope or place. */
const MAX_LOWER_TAIL = 6;

/**
 * End of a lower-case tail that still belongs to the name before j: descriptive words up to a scope
 * (`Cục Quản lý đấu thầu quốc gia`), a known place (`Viện Tư liệu phim Việt Nam`,
 * `Hiệp hội Vận tải hàng hóa TP.HCM`) or another proper name. Returns j when the words do not reach one:
 * then they are the sentence going on (`Sở Y tế kiểm tra cơ sở`), not the name.
 */
function lowerTailEnd(tokens: readonly Token[], j: number): number {
  for (let k = j; k < j + MAX_LOWER_TAIL + 1; k++) {
    const t = tokens[k];
    if (!isWord(t)) return j;
    const scope = SCOPE.matchAt(tokens, k);
    // Straight after a capitalised word the scope is that word's own (`Trung ương` after `Nhi` is read there).
    if (scope > 0 && (k > j || !tokens[j - 1]?.cap || tokens[j - 1]?.upper)) return k + scope;
    if (t.cap) {
      if (k === j || ORG_HEAD.matchAt(tokens, k) > 0) return j;
      const place = placeAt(tokens, k, MAX_PLACE_SYLLABLES, false);
      if (place > 0 && isRegion(lookupPlaceKey(keyOf(tokens, k, k + place)))) return k + place;
      // A proper name ends it too (`Công ty Quản lý quỹ Warburg Pincus`), but not a person's: that is
      // the sentence's object (`Bộ Công an triệu tập Nguyễn Văn A`).
      return personShapedLength(tokens, k) === 0 ? capRunEndAny(tokens, k, 4) : j;
    }
    if (
      FUNCTION_WORDS.has(t.key) ||
      NAME_FOLLOWERS.has(t.key) ||
      VIETNAMESE_STOPWORDS.has(t.key) ||
      TAIL_VERBS.has(t.key)
    )
      return j;
  }
  return j;
}

/** Verbs' first syllables that complete no capitalised word (`Viện Hóa-Sinh họp`; but `Thư ký`, `Sứ quán`). */
const COMPLETION_STOPS = new Set('họp tổ trao tặng khẳng nêu phối tiếp'.split(' '));

/** First syllables of news verbs that follow an organisation (`Báo Nhân Dân tổ chức …`), ending its name. */
const TAIL_VERBS = new Set('tổ khai quán ký phối tiếp khẳng nêu diễn họp trao tặng'.split(' '));

/** From j: `Cap low* (, Cap low*)* và Cap low*` → the end index, or j when the list does not close with `và`. */
function commaListEnd(tokens: readonly Token[], j: number): number {
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

interface Scan {
  mentions: Mention[];
  /** Set by a classifier that consumed tokens past its run. */
  skipTo?: number;
}

function pushPlace(scan: Scan, tokens: readonly Token[], from: number, to: number, weak = false): void {
  const key = keyOf(tokens, from, to);
  const info = lookupPlaceKey(key);
  const m: Mention = { type: 'place', text: surface(tokens, from, to), key };
  if (info?.province) m.province = info.province;
  if (weak) m.weak = true;
  scan.mentions.push(m);
}

function pushWeak(scan: Scan, type: EntityType, tokens: readonly Token[], from: number, to: number): void {
  scan.mentions.push({ type, text: surface(tokens, from, to), key: keyOf(tokens, from, to), weak: true });
}

/** Cues written abbreviated, whose dot is no sentence end: `TP. Hồ Chí Minh`, `Q. 1`, `TX. Sơn Tây`. */
const ABBREVIATED_CUES = new Set(['tp', 'tx', 'q', 'p', 'h']);

/** A one-letter administrative abbreviation with its dot: `Q.` (quận), `P.` (phường), `H.` (huyện). */
function adminLetter(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const dot = tokens[i + 1];
  return (
    t !== undefined &&
    t.text.length === 1 &&
    ABBREVIATED_CUES.has(t.key) &&
    dot?.text === '.' &&
    !dot.spaced &&
    (capWord(tokens[i + 2]) || tokens[i + 2]?.kind === 'number')
  );
}

/** Is tokens[k] right after a strong administrative cue (`phường`, `quận`, `Q.`)? */
function afterStrongAdmin(tokens: readonly Token[], k: number): boolean {
  for (let len = 1; len <= 2; len++) {
    let start = k - len;
    if (tokens[k - 1]?.text === '.') start--;
    if (start < 0) return false;
    const cue = ADMIN_CUE.matchAt(tokens, start);
    const cueEnd = start + cue + (tokens[start + cue]?.text === '.' ? 1 : 0);
    // `Hợp tác xã Cơ khí`: the `xã` of a cooperative is no commune.
    if (cue === 1 && tokens[start]?.key === 'xã' && tokens[start - 1]?.key === 'tác') return false;
    if (cue > 0 && cueEnd === k && STRONG_ADMIN.has(keyOf(tokens, start, start + cue))) return true;
  }
  return false;
}

/**
 * Places named inside an organisation (`UBND tỉnh Khánh Hòa`, `Công an phường Trung Hòa`,
 * `Hà Nội FC`) are places of the article too. `firstToo` when the name has no head noun, so a place
 * may open it.
 */
function pushInnerPlaces(
  scan: Scan,
  tokens: readonly Token[],
  from: number,
  to: number,
  firstToo = false,
): void {
  for (let k = firstToo ? from : from + 1; k < to; k++) {
    if (!capWord(tokens[k])) continue;
    // After an administrative cue any name is a place, a commune included (`phường Kỳ Trinh`).
    if (k > from && afterStrongAdmin(tokens, k)) {
      const known = dashedPlaceLength(tokens, k, to) || placeAt(tokens, k, to - k);
      const run = Math.min(capRunEnd(tokens, k, 4), to) - k;
      const len = known > 0 ? known : tokens[k]?.sentenceStart || personShapedLength(tokens, k) > 0 ? 0 : run;
      if (len > 0) {
        pushPlace(scan, tokens, k, k + len);
        k += len - 1;
        continue;
      }
    }
    const len = dashedPlaceLength(tokens, k, to) || placeAt(tokens, k, to - k);
    // A place that is the whole name (`Barcelona`, a club) is not named inside it; nor is `Pháp` in `Pháp Luật`.
    if (firstToo && len === to - from) continue;
    if (len === 1 && COUNTRY_COMPOUNDS.has(`${tokens[k]?.key} ${tokens[k + 1]?.key}`)) continue;
    const info = len > 0 ? lookupPlaceKey(keyOf(tokens, k, k + len)) : undefined;
    // Inside a name, a place starts a new word group (`Công ty AkzoNobel Việt Nam`, not `Minh Đức`).
    const startsGroup =
      k === from ||
      tokens[k]?.upper ||
      !capWord(tokens[k - 1]) ||
      tokens[k - 1]?.upper ||
      len > 1 ||
      !isVietnameseWord(tokens[k - 1]?.key ?? '');
    if (info && startsGroup && (len > 1 || !tokens[k]?.upper || info.kind === 'province')) {
      // A school is named after its commune (`Trường Tiểu học Hiệp Phú`), unless after a person (`Trường THPT
      // Chu Văn An`); other names only share a commune's words.
      if (
        (info.kind !== 'commune' && info.kind !== 'former-commune') ||
        (SCHOOL_HEAD.matchAt(tokens, from) > 0 &&
          k + len === to &&
          personShapedLength(tokens, k) !== len &&
          // the whole last word group, not the end of a person's name (`Trường ĐH Tôn Đức Thắng`)
          (!tokens[k - 1]?.cap || tokens[k - 1]?.upper))
      )
        pushPlace(scan, tokens, k, k + len);
      k += len - 1;
    }
  }
}

function push(
  scan: Scan,
  type: EntityType,
  tokens: readonly Token[],
  from: number,
  to: number,
  short = false,
  cued = false,
): void {
  let text = surface(tokens, from, to);
  // A Vietnamese name cut to its last initial keeps the dot (`Trần Thị Trúc L.`), as news writes it to
  // keep a suspect or victim anonymous.
  const last = tokens[to - 1];
  const next = tokens[to];
  if (
    type === 'person' &&
    to - from >= 2 &&
    last?.cap &&
    last.text.length === 1 &&
    next?.text === '.' &&
    !next.spaced &&
    isVietnameseWord(tokens[from]?.key ?? '')
  )
    text += '.';
  const m: Mention = { type, text, key: keyOf(tokens, from, to) };
  if (short) m.short = true;
  if (cued) m.cued = true;
  scan.mentions.push(m);
}

/** Is the run [from, to) mostly foreign words (no Vietnamese syllables)? */
function foreignRun(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isVietnameseWord(tokens[k]?.key ?? '')) return false;
  return true;
}

/** Classifies a plain capitalised run [from, to) with no cue before it. */
function classifyRun(scan: Scan, tokens: readonly Token[], from: number, to: number): void {
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

/** Place cues that open a name even when capitalised: a formal name (`Cộng hòa Séc`) or a landmark. */
const CAPITAL_CUES = new Set([
  'sân bay',
  'quốc lộ',
  'tỉnh lộ',
  'khu công nghiệp',
  'công viên',
  'cao tốc',
  'đại lộ',
  'vườn quốc gia',
  'cửa khẩu',
  'núi lửa',
  'kim tự tháp',
  'ngã ba',
  'ngã tư',
  'bãi biển',
  'cộng hòa',
  'cộng hoà',
  'vương quốc',
]);
/** Cues that end other words (`phiên bản`, `yêu cầu`, `tập đoàn`): a place only when they open a phrase. */
const GUARDED_CUES = new Set(['bản', 'buôn', 'tổ', 'khối', 'bãi', 'đền', 'chùa', 'cồn', 'hòn']);
/** Cues that name a place only with a number (`khối 2`); before a capital they are other words (`khối Nguồn`). */
const ONLY_NUMBERED_CUES = new Set(['tổ', 'khối']);
/** Cues a number names (`quốc lộ 1A`, `tổ 13`, `ngõ 35`). */
const NUMBERED_CUES = new Set([
  'quốc lộ',
  'tỉnh lộ',
  'tổ',
  'tổ dân phố',
  'khối',
  'ngõ',
  'ngách',
  'hẻm',
  'kiệt',
  'đường',
]);

/** `Thừa Thiên - Huế`, `Bà Rịa - Vũng Tàu`: the end of a place whose name has a dash, else `to`. */
function dashedPlaceEnd(tokens: readonly Token[], from: number, to: number): number {
  const dash = tokens[to]?.text;
  if ((dash !== '-' && dash !== '–') || !capWord(tokens[to + 1])) return to;
  const after = capRunEndAny(tokens, to + 1, 3);
  return lookupPlaceKey(keyOf(tokens, from, after)) ? after : to;
}

const STREET_CUES = new Set(['đường', 'phố', 'tuyến đường', 'các tuyến đường', 'các đường', 'các phố']);

/** Streets named after persons or places, listed after one street cue: pushes them, returns the list's end. */
function listedStreetsEnd(scan: Scan, tokens: readonly Token[], end: number): number {
  return listedEnd(scan, tokens, end, (from) => {
    const first = tokens[from];
    if (first?.upper || ORG_HEAD.matchAt(tokens, from) > 0 || PERSON_CUE.matchAt(tokens, from) > 0)
      return from;
    const to = capRunEndAny(tokens, from, 4);
    return personShapedLength(tokens, from) === to - from || lookupPlaceKey(keyOf(tokens, from, to))
      ? to
      : from;
  });
}

/**
 * Items listed after one cue (`A, B và C`), each read by `itemEnd` (its end, or `from` when it is none):
 * pushes them as places and returns the list's end.
 */
function listedEnd(
  scan: Scan,
  tokens: readonly Token[],
  end: number,
  itemEnd: (from: number) => number,
): number {
  let k = end;
  while ((tokens[k]?.text === ',' || tokens[k]?.key === 'và') && capWord(tokens[k + 1])) {
    const from = k + 1;
    if (tokens[from]?.sentenceStart || ADMIN_CUE.matchAt(tokens, from) > 0) break;
    const to = itemEnd(from);
    if (to === from) break;
    pushPlace(scan, tokens, from, to);
    k = to;
  }
  return k;
}

/** Length of a dashed place name starting at k and ending by `to`, or 0. */
function dashedPlaceLength(tokens: readonly Token[], k: number, to: number): number {
  const capEnd = capRunEnd(tokens, k, 3);
  if (tokens[capEnd]?.text !== '-' && tokens[capEnd]?.text !== '–') return 0;
  const end = dashedPlaceEnd(tokens, k, capEnd);
  return end > capEnd && end <= to ? end - k : 0;
}

/**
 * `các phường Mai Dịch, Dịch Vọng, Quan Hoa`: known units listed after one admin cue share it. Pushes them
 * and returns the end of the list.
 */
function listedPlacesEnd(scan: Scan, tokens: readonly Token[], end: number): number {
  return listedEnd(scan, tokens, end, (from) => {
    const to = dashedPlaceEnd(tokens, from, capRunEndAny(tokens, from, 4));
    return lookupPlaceKey(keyOf(tokens, from, to)) ? to : from;
  });
}

/** Cues of roads and lines, which are often named by the two places they join. */
const ROUTE_CUES = new Set(['đường', 'cao tốc', 'quốc lộ', 'tỉnh lộ', 'tuyến', 'đường sắt', 'đường cao tốc']);

/** A cue word that ends a common word instead (`đồng hồ Rolex` is a watch, not a lake). */
const CUE_COMPOUNDS = new Set([
  'đồng hồ',
  'nhu cầu',
  'yêu cầu',
  'toàn cầu',
  'địa cầu',
  'bán cầu',
  'khí cầu',
  'khai thác',
  'trình làng',
  'áp đảo',
  'chặng đường',
  'nông thôn',
  'hàng xóm',
]);

/** `sân bay Quốc tế Nội Bài`, `Công viên Quốc gia Cúc Phương`: a scope inside a run goes on with it. */
function scopedRunEnd(tokens: readonly Token[], start: number, end: number): number {
  // Straight after the cue only `Quốc gia`, `Quốc tế` (`miền Trung ương` is no name).
  const last = tokens[end - 1];
  const scope = last?.cap && (end - 1 > start || last.key === 'quốc') ? SCOPE.matchAt(tokens, end - 1) : 0;
  if (scope < 2 || tokens[end]?.cap) return end;
  const after = end - 1 + scope;
  return capWord(tokens[after]) && !tokens[after]?.sentenceStart ? capRunEndAny(tokens, after, 4) : after;
}

function startsWithDigit(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return t.kind !== 'punct' && c >= 48 && c <= 57;
}

/** Does the cue at i open a phrase (after punctuation or a preposition), rather than end a word (`phiên bản`)? */
function opensPhrase(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !isWord(prev) || PLACE_PREPOSITION.has(prev.key) || FUNCTION_WORDS.has(prev.key);
}

/** Could a lower-case cue start at this word? Remembered on its key: asked of most tokens. */
function opensLowerCue(t: Token): boolean {
  let first = t.seen.cueFirst;
  if (first === undefined) {
    first = LOWER_CUE_FIRSTS.has(t.key);
    t.seen.cueFirst = first;
  }
  return first;
}

function scanText(scan: Scan, tokens: readonly Token[]): void {
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

function isListSeparator(t: Token | undefined): boolean {
  return t !== undefined && (t.text === ',' || t.text === ';' || t.key === 'và');
}

/** Fewest names in a bare list (a line-up, a cast) for its items to be read as persons. */
const MIN_LISTED_NAMES = 4;

/**
 * Items of a bare list of names, `A, B, C và D` or `A; B; C`, each one to three capitalised words: the
 * line-ups and casts of sports and entertainment news (`Smalling, Luke Shaw, Darmian, Young`). A list with a
 * known country, province, organisation or product in it is a list of those instead, and names nobody.
 */
function pushListedPersons(scan: Scan, tokens: readonly Token[]): void {
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    // Most tokens open no list: skip them without allocating.
    if (!capWord(first) || first.upper || !isListSeparator(tokens[capRunEnd(tokens, i, 4)])) {
      i++;
      continue;
    }
    const items: [number, number][] = [];
    let k = i;
    let clean = true;
    let fullNames = 0; // items shaped like a person's full name: a list of words would have none
    let places = 0; // items that are known communes or wards: a list of places if they are many
    let semicolons = 0; // a formation's lines (`Coleman; Hadergjonaj, Hefele; Hogg, Mooy; Mounie`)
    let foreignWords = 0; // items that are one foreign word (`Toure, Fernando, Delph, Gundogan`)
    while (k < tokens.length) {
      const t = tokens[k];
      if (!capWord(t) || t.upper) break;
      const end = capRunEnd(tokens, k, 4);
      if (end - k > 3) {
        clean = false;
        break;
      }
      items.push([k, end]);
      if (
        isRegion(lookupPlaceKey(keyOf(tokens, k, end))) ||
        KNOWN_ORG.matchAt(tokens, k) > 0 ||
        ORG_HEAD.matchAt(tokens, k) > 0 ||
        STANDALONE_ORG.matchAt(tokens, k) > 0 ||
        NON_ENTITY_NAME.matchAt(tokens, k) > 0 ||
        NON_ENTITY.has(t.key) ||
        hasEnglishWord(tokens, k, end) ||
        // one Vietnamese syllable alone is a people (`Tày`), a rank (`Nhì`) or a short name: too unsure
        (end - k === 1 && isVietnameseWord(t.key)) ||
        // a lone letter is a vitamin's or a grade's (`Vitamin D`), not a name's
        tokens[end - 1]?.text.length === 1
      )
        clean = false;
      if (personShapedLength(tokens, k) === end - k || (end - k === 2 && foreignRun(tokens, k, end)))
        fullNames++;
      if (lookupPlaceKey(keyOf(tokens, k, end))) places++;
      if (end - k === 1 && !isVietnameseWord(t.key)) foreignWords++;
      if (isListSeparator(tokens[end])) {
        if (tokens[end]?.text === ';') semicolons++;
        k = end + 1;
      } else break;
    }
    // A formation, or a bare list of foreign surnames: squads, casts and line-ups with no full name in them.
    const lineUp = semicolons >= 2 || foreignWords === items.length;
    // After a place cue the names are streets or places (`phố Hai Bà Trưng, Lý Thường Kiệt, …`).
    const cued = i > 0 && ADMIN_CUE.matchAt(tokens, i - 1) > 0;
    if (
      clean &&
      !cued &&
      (fullNames > 0 || lineUp) &&
      places * 2 < items.length &&
      items.length >= MIN_LISTED_NAMES
    ) {
      for (const [from, to] of items) push(scan, 'person', tokens, from, to, to - from === 1, true);
    }
    i = items.length > 0 ? (items[items.length - 1]?.[1] ?? i + 1) : i + 1;
  }
}

interface Group {
  type: EntityType;
  key: string;
  forms: Map<string, number>;
  mentions: number;
  province?: Province;
  order: number;
  /** Some mention had real support (a cue, a lexicon, a full name); guesses alone need repeating. */
  sure: boolean;
}

function bestForm(forms: Map<string, number>): string {
  let best = '';
  let count = -1;
  for (const [form, n] of forms)
    if (n > count || (n === count && form.length > best.length)) [best, count] = [form, n];
  return best;
}

function merge(mentions: readonly Mention[], exclude: ReadonlySet<string>): Entities {
  // One map per type: no joined id string per mention.
  const byType: Record<EntityType, Map<string, Group>> = {
    person: new Map(),
    organization: new Map(),
    place: new Map(),
  };
  let order = 0;
  const add = (m: Mention, type: EntityType, key: string, guess = false) => {
    const groups = byType[type];
    let g = groups.get(key);
    if (!g) {
      g = { type, key, forms: new Map(), mentions: 0, order: order++, sure: false };
      groups.set(key, g);
    }
    g.mentions++;
    if (!guess) g.sure = true;
    g.forms.set(m.text, (g.forms.get(m.text) ?? 0) + 1);
    if (m.province && !g.province) g.province = m.province;
  };
  // Full person names first, so short forms (`ông Minh`, `Trump`) can join them.
  const fullByTail = new Map<string, string>();
  const placeKeys = new Set<string>();
  for (const m of mentions) {
    if (m.type === 'place' && !m.weak) placeKeys.add(m.key);
    if (m.type !== 'person' || m.short) continue;
    const parts = m.key.split(' ');
    for (let k = 1; k < parts.length; k++) fullByTail.set(parts.slice(parts.length - k).join(' '), m.key);
    fullByTail.set(parts.slice(-1).join(' '), m.key);
  }
  for (const m of mentions) {
    if (exclude.has(m.key)) continue;
    if (m.weak) {
      const full = fullByTail.get(m.key);
      if (full) add(m, 'person', full);
      else if (m.type === 'person' && placeKeys.has(m.key)) add(m, 'place', m.key);
      else add(m, m.type, m.key);
      continue;
    }
    if (m.short) {
      const full = fullByTail.get(m.key);
      if (full) {
        add(m, 'person', full);
        continue;
      }
      if (placeKeys.has(m.key)) {
        add(m, 'place', m.key);
        continue;
      }
      // A lone foreign name with no full form is a brand or club; a lone Vietnamese syllable with no cue is dropped.
      if (m.cued) add(m, m.type, m.key);
      else if (m.type === 'organization') add(m, m.type, m.key, true);
      continue;
    }
    add(m, m.type, m.key);
  }
  const out: Entities = { person: [], organization: [], place: [] };
  const sorted = [...byType.person.values(), ...byType.organization.values(), ...byType.place.values()].sort(
    (a, b) => b.mentions - a.mentions || a.order - b.order,
  );
  const personKeys = byType.person;
  for (const g of sorted) {
    if (!g.sure && g.mentions < (g.type === 'organization' ? MIN_GUESSED_ORG_MENTIONS : MIN_GUESSED_MENTIONS))
      continue;
    // A lone foreign word guessed a brand or club yields to the same word read as a person (a line-up's).
    if (!g.sure && g.type === 'organization' && personKeys.has(g.key)) continue;
    const name = g.type === 'person' ? longestForm(g.forms) : bestForm(g.forms);
    if (g.type === 'place') {
      const p: PlaceEntity = { name, mentions: g.mentions };
      if (g.province) p.province = g.province;
      out.place.push(p);
    } else {
      const e: Entity = { name, mentions: g.mentions };
      out[g.type].push(e);
    }
  }
  return out;
}

/** A name guessed from its shape alone must recur to be reported. */
const MIN_GUESSED_MENTIONS = 2;
/**
 * A lone foreign word guessed to be a brand or club must recur more: on VLSP's dev half, those seen only
 * twice were players and other persons' surnames more often than organisations.
 */
const MIN_GUESSED_ORG_MENTIONS = 3;

function longestForm(forms: Map<string, number>): string {
  let best = '';
  let bestWords = 1; // one-word forms leave the choice to the most frequent (bestForm)
  for (const form of forms.keys()) {
    const words = wordCount(form);
    if (words > bestWords) [best, bestWords] = [form, words];
  }
  return best || bestForm(forms);
}

function wordCount(text: string): number {
  let n = 1;
  for (let k = text.indexOf(' '); k >= 0; k = text.indexOf(' ', k + 1)) n++;
  return n;
}

/**
 * Writers' or translators' signatures closing the text, when the parser left them in the body: a last line
 * that is only one or two names of two to four syllables, in title case or capitals, maybe with their source
 * (`Bảo Hạnh (Theo Quartz)`, `Vân Anh/VOV.VN`, `Thùy Trang Baodatviet.vn`, `THÀNH ĐỒNG - LÊ PHONG`).
 * News signs a story with a person's name, so each is one.
 */
const SIGNATURE_NAME = /^(?:\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,3}|\p{Lu}{2,}(?: \p{Lu}{2,}){1,3})$/u;
const SIGNATURE_SOURCE = [
  /\s*\([^()\n]{1,60}\)$/u, // (Theo Quartz), (T/h), (tổng hợp)
  /\s*\/\s*\S{2,30}$/u, // /VOV.VN
  /\s+\S+\.(?:vn|com|net|org)\S*$/iu, // Baodatviet.vn
];

function signatureNames(body: string): string[] {
  let line = body.slice(body.lastIndexOf('\n') + 1).trim();
  if (line.length > 100) return [];
  // `Minh PhươngTheo Dân trí`: a signature glued to its source.
  line = line
    .replace(/^Theo\s+/u, '')
    .replace(/(\p{Ll})Theo\s.*$/u, '$1')
    .replace(/\s+Theo\s+\S[^\n]{0,40}$/u, ''); // `Trung Hiếu/VOV.VN Theo Daily Mail`
  const bare = line;
  for (const source of SIGNATURE_SOURCE) line = line.replace(source, '');
  // A foreign name signs only with its source beside it (`Xiao Pei Baodatviet.vn`).
  const sourced = line !== bare;
  const names: string[] = [];
  for (const part of line.split(/\s*[-–]\s*/u)) {
    if (!SIGNATURE_NAME.test(part) || !isSignatureName(part, sourced)) break;
    names.push(part);
  }
  return names;
}

function isSignatureName(name: string, sourced: boolean): boolean {
  const tokens = tokenize(name);
  // `anh` is a pronoun in a sentence but a given name in a signature (`Tuấn Anh`).
  if (tokens.some((t) => FUNCTION_WORDS.has(t.key) || (!sourced && !isVietnameseWord(t.key)))) return false;
  const key = keyOf(tokens, 0, tokens.length);
  // Many communes share a person's name (`Việt Hùng`); a province or country alone does not sign.
  return (
    !isRegion(lookupPlaceKey(key)) && ORG_HEAD.matchAt(tokens, 0) === 0 && COMMON.matchAt(tokens, 0) === 0
  );
}

const COMBINING_MARK = /[\u0300-\u036f]/;

/** Title, lede (when the body does not already hold it), body paragraphs and captions. */
export function articleTexts(article: ParsedArticle): string[] {
  const texts: string[] = [];
  if (article.title) texts.push(article.title);
  if (article.lede && !article.body.includes(article.lede)) texts.push(article.lede);
  texts.push(article.body);
  texts.push(...article.captions);
  // The parser hands over NFC text; only decomposed marks (U+0300–U+036F) need the costly normalisation.
  return texts.map((t) => (COMBINING_MARK.test(t) ? t.normalize('NFC') : t));
}

/**
 * The rule tagger: persons, organisations and places of an article, one entry per distinct entity with
 * its mention count, most mentioned first. Returns none for languages the tagger does not read. Its
 * output feeds the learned recogniser (../recognise) as features; the record's entities come from there.
 */
export function extractRuleEntities(article: ParsedArticle, options: ExtractOptions = {}): Entities {
  if (options.language !== undefined && !ENTITY_LANGUAGES.has(options.language)) {
    return { person: [], organization: [], place: [] };
  }
  // A sentence-initial word also written in lower case in the article is no name: tokenising marks them.
  startArticle();
  const texts = articleTexts(article).map((text) => tokenize(text, true));
  const scan: Scan = { mentions: [] };
  for (const tokens of texts) {
    scanText(scan, tokens);
    pushListedPersons(scan, tokens);
  }
  const signatures = signatureNames(article.body);
  if (signatures.length > 0) {
    const keys = new Set<string>();
    for (const signature of signatures) {
      const tokens = tokenize(signature);
      const key = keyOf(tokens, 0, tokens.length);
      keys.add(key);
      scan.mentions.push({ type: 'person', text: signature, key, cued: true });
    }
    // A signature that is also a commune's name (`An Dương`) was read as that place on its own line.
    scan.mentions = scan.mentions.filter((m) => m.type !== 'place' || !keys.has(m.key));
  }
  // Bylines name the writer, not someone in the story.
  const authors = new Set(
    article.authors.map((a) =>
      tokenize(a.normalize('NFC'))
        .map((t) => t.key)
        .join(' '),
    ),
  );
  return merge(scan.mentions, authors);
}
