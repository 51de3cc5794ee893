/**
 * The few hard constraints applied after decoding: each a small rule with an id and an example, which
 * drops a mention whatever the model scored it. Kept few on purpose: the model decides the rest.
 */
import { CONTENT_WORD, listedPairKind, listedSyllable } from '../../../assets/word-pairs';
import { ORG_HEADS, TEAM_HEADS, wordList } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { lookupPlaceKey, type PlaceKind } from '../places/index';
import type { Mention } from './mention';

export interface Constraint {
  id: string;
  example: string;
  /** True when the mention must go. */
  drops(m: Mention): boolean;
  /**
   * Applied to the model's decoded mentions only, not to the rules' names: a rule name it would drop is
   * left for the combiner, which replaces it with the model's longer name holding it.
   */
  decodedOnly?: true;
}

/** Words naming a weather system: the name after them is the system's, not a person's. */
/**
 * `-` then a code part, or `-Index` of a market index (`VN-Index`); at module scope: the bundler makes a
 * `\p{…}` literal a `new RegExp` per use.
 */
const CODE_AFTER_DASH = /^-(?:\d|\p{L}*\p{Ll}\p{Lu}|\p{Lu}*\d|Index(?!\p{L}))/u;
/**
 * Capitals then digits as one word, after lower-case cue words or none (`T2`, `ga T2`, `H5N1`): a terminal,
 * block or strain, not a place.
 */
const CODE_WORD = /^(?:\p{Ll}+ )*\p{Lu}{1,3}\d+(?:\p{Lu}\d*)*$/u;
/** Lower-case words, then a number as the last word (`quốc lộ 14`, `Tỉnh lộ 8`, `quận 1`). */
const WORDS_THEN_NUMBER = /^\p{L}\p{Ll}*(?: \p{Ll}+)* \d[\p{L}\d]*$/u;
/** Road and line words (data/entity-rules `[route_cues]`: `quốc lộ`, `tỉnh lộ`, `đường`), as name keys. */
const ROAD_WORDS = new Set(wordList('route_cues').map((w) => cachedNameKey(w)));

/** `quốc lộ 14`, `tỉnh lộ 8`, `đường 3/2`'s `đường 3`: a road named by its number only. */
export function isNumberedRoad(m: Pick<Mention, 'text' | 'key'>): boolean {
  return WORDS_THEN_NUMBER.test(m.text) && ROAD_WORDS.has(m.key.slice(0, m.key.lastIndexOf(' ')));
}

const WEATHER_WORDS = new Set([
  'bão',
  'siêu bão',
  'áp thấp',
  'áp thấp nhiệt đới',
  'cơn bão',
  'lốc',
  'typhoon',
  'hurricane',
]);
/** Each weather word with the space after it: a name key that starts so opens with it. */
const WEATHER_HEADS = [...WEATHER_WORDS].map((w) => `${w} `);

/** Unit words that, last in an organisation's name, leave it nameless (data/entity-rules `[bare_scope_words]`). */
const BARE_SCOPE_WORDS = wordList('bare_scope_words');

/**
 * True when `name` ends with one of `BARE_SCOPE_WORDS` as written, after at least one other word: an
 * organisation so written names no one body (the labelled data follows the same rule, ../build).
 */
export function endsInBareScope(name: string): boolean {
  return BARE_SCOPE_WORDS.some((w) => name.endsWith(` ${w}`));
}

/** `miền Trung`, `miền Tây` (data/entity-rules `[compass_halves]`), as name keys. */
const COMPASS_HALVES = new Set(wordList('compass_halves').map((w) => cachedNameKey(w)));

/** Heads of a body every province has (data/entity-rules `[scoped_heads]`), as name keys with a space after. */
const SCOPED_HEADS = headKeys(wordList('scoped_heads'));

/** Heads as name keys with a space after, the form `lacksScope` reads. */
export function headKeys(heads: readonly string[]): string[] {
  return heads.map((h) => `${cachedNameKey(h)} `);
}
const ADMIN_WORDS = new Set(wordList('strong_admin').map((w) => cachedNameKey(w)));
/** Places that scope a body: a province, a country or a named commune (not a one-syllable one). */
const SCOPE_KINDS: ReadonlySet<PlaceKind> = new Set(['province', 'former-province', 'world']);

/** True when words `from…` of a name key hold a scope: an admin unit word or a place of the gazetteer. */
function holdsScope(words: readonly string[], from: number): boolean {
  for (let i = from; i < words.length; i++) {
    if (ADMIN_WORDS.has(words[i] as string)) return true;
    for (let j = i + 1; j <= words.length; j++) {
      const place = lookupPlaceKey(words.slice(i, j).join(' '));
      if (place && (SCOPE_KINDS.has(place.kind) || j - i > 1)) return true;
    }
  }
  return false;
}

/**
 * True when an organisation opens with one of `heads` (`[scoped_heads]` unless given) and names no scope,
 * in it or right after it. The labelled data's conventions (../build/conventions) call it too, so the
 * labels and this constraint agree.
 */
export function lacksScope(
  m: Pick<Mention, 'key' | 'after'>,
  heads: readonly string[] = SCOPED_HEADS,
): boolean {
  const head = heads.find((h) => m.key.startsWith(h));
  if (head === undefined) return false;
  const next = cachedNameKey(m.after.trim().split(/\s+/)[0] ?? '');
  if (ADMIN_WORDS.has(next) || m.after.trimStart().startsWith('(')) return false;
  return !holdsScope(m.key.split(' '), head.split(' ').length - 1);
}

/** The lower-case words right after a mention (` thuật tỉnh Đ…` → `thuật`, `tỉnh`). */
const LOWER_WORDS_AFTER = /^ (\p{Ll}+)(?: (\p{Ll}+))?/u;

/** Do syllables `a` and `b` make one word of the team's lists (data/words)? */
export const inOneWord = (a: string, b: string): boolean =>
  listedPairKind(listedSyllable(a), listedSyllable(b)) === CONTENT_WORD;

/**
 * True when a person's name ends inside a word of the team's lists (data/words): its last syllable and
 * the lower-case one after it make one word (`Đoàn Nghệ` + `thuật`), and that one starts no word with the
 * next (`Nguyễn Văn Hải` + `quan tâm` stays a name).
 */
export function endsInsideAWord(m: Pick<Mention, 'key' | 'after'>): boolean {
  const words = LOWER_WORDS_AFTER.exec(m.after);
  const next = words?.[1];
  if (next === undefined) return false;
  const last = m.key.slice(m.key.lastIndexOf(' ') + 1);
  const then = words?.[2];
  return inOneWord(last, next) && (then === undefined || !inOneWord(next, then));
}

/** A name whose last word starts with a capital (`Tập đoàn Dầu`). */
const CAPITALISED_LAST_WORD = /(?:^| )\p{Lu}[^ ]*$/u;

/** `giải vô địch`, `lễ hội` (data/entity-rules `[event_name_words]`), lower case. */
const EVENT_NAME_WORDS = new Set(wordList('event_name_words').map((w) => w.toLowerCase()));
/** The last word of each of them: a lead whose word before the lower-case ones is none opens no event. */
const EVENT_NAME_LAST_WORDS = new Set([...EVENT_NAME_WORDS].map((w) => w.slice(w.lastIndexOf(' ') + 1)));
const FUNCTION_WORDS = new Set(wordList('function_words'));
const LOWER_WORD = /^\p{Ll}+$/u;

/**
 * True when `lead` (the text before a name) ends with an event's opening words, then at most four lower-case
 * words and no function word (`giải vô địch cờ tướng ` before `châu Á`); a one-word opener must not make one
 * word with the word after it (`giải phóng `).
 */
export function endsInEventName(lead: string): boolean {
  if (!lead.endsWith(' ')) return false;
  const words = lead.trimEnd().split(' ').slice(-7);
  for (let between = 0; between <= 4 && between < words.length; between++) {
    const inner = words.slice(words.length - between);
    if (inner.some((w) => !LOWER_WORD.test(w) || FUNCTION_WORDS.has(w))) return false;
    // A cheap first test (most leads end in no event's words): every phrase tried ends with this word.
    if (!EVENT_NAME_LAST_WORDS.has(words[words.length - between - 1]!.toLowerCase())) continue;
    const head = words.slice(0, words.length - between);
    for (let n = 1; n <= 3 && n <= head.length; n++) {
      if (!EVENT_NAME_WORDS.has(head.slice(-n).join(' ').toLowerCase())) continue;
      // `giải phóng Sài Gòn`, `cúp điện`: a one-word opener that makes a word with the next opens no event.
      const next = inner[0];
      if (n === 1 && next !== undefined && inOneWord((head.at(-1) as string).toLowerCase(), next)) continue;
      return true;
    }
  }
  return false;
}

/** Compass words (data/entity-rules `[compass_words]`), as written. */
const COMPASS_WORDS = wordList('compass_words');
const COMPASS_KEYS = new Set(COMPASS_WORDS.map((w) => cachedNameKey(w)));
const COMPASS_AFTER_DASH = new RegExp(`^ ?[-–] ?(?:${COMPASS_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'u');
const COMPASS_BEFORE_DASH = new RegExp(`(?<![\\p{L}\\p{N}])(?:${COMPASS_WORDS.join('|')}) ?[-–] ?$`, 'u');

/** True when a lone compass word is joined to another by a dash (`Bắc - Nam`): a direction. */
export function isCompassPair(m: Pick<Mention, 'key' | 'after' | 'lead'>): boolean {
  return (
    COMPASS_KEYS.has(m.key) && (COMPASS_AFTER_DASH.test(m.after) || COMPASS_BEFORE_DASH.test(m.lead ?? ''))
  );
}

/** Heads of a generic office (data/entity-rules `[generic_office_heads]`), as name keys with a space after. */
const GENERIC_OFFICE_HEADS = headKeys(wordList('generic_office_heads'));
/** Lower-case words (the office's kind, an admin word), then the capitalised rest. */
const LOWER_THEN_NAME = /^((?:\p{Ll}+ )+)(\p{Lu}.*)$/u;

/**
 * True when an organisation is a generic office's head, lower-case words and a place only (`Cơ quan khí tượng
 * Mông Cổ`, `Cơ quan thuế tỉnh Nghệ An`): an office described, no name.
 */
export function isGenericOffice(m: Pick<Mention, 'text' | 'key'>): boolean {
  const head = GENERIC_OFFICE_HEADS.find((h) => m.key.startsWith(h));
  if (head === undefined) return false;
  const parts = LOWER_THEN_NAME.exec(m.text.slice(head.length));
  return parts !== null && lookupPlaceKey(cachedNameKey(parts[2] as string)) !== undefined;
}

/** Match verbs (data/entity-rules `[match_verbs]`), lower case as written. */
const MATCH_VERBS_WRITTEN = wordList('match_verbs');

const CAPITAL = /\p{Lu}/u;
const STARTS_CAPITAL = /^\p{Lu}/u;

/**
 * True when a lower-case match verb stands between two capitalised words of `text` (`Đông Á Thanh Hóa thắng
 * Công an Hà Nội`): two sides of a result, not one name. A verb that makes one word with the word before it
 * in data/words is that word (`Đảng Cộng hòa Mỹ`, `Bảo tàng Chiến thắng`).
 */
export function spansAMatchVerb(text: string): boolean {
  return MATCH_VERBS_WRITTEN.some((v) => {
    const at = text.indexOf(` ${v} `);
    if (at <= 0 || !CAPITAL.test(text.slice(0, at)) || !STARTS_CAPITAL.test(text.slice(at + v.length + 2)))
      return false;
    const before = text.slice(text.lastIndexOf(' ', at - 1) + 1, at).toLowerCase();
    return !inOneWord(before, v.split(' ')[0] as string);
  });
}

export const CONSTRAINTS: readonly Constraint[] = [
  {
    id: 'weather-system-is-no-person',
    example: 'Bão Yagi đổ bộ → no person Yagi',
    drops: (m) =>
      m.type === 'person' &&
      (WEATHER_WORDS.has(m.before) ||
        WEATHER_WORDS.has(m.key) ||
        WEATHER_HEADS.some((head) => m.key.startsWith(head))),
  },
  {
    id: 'part-of-a-code-name',
    example: 'virus SARS-CoV-2 → no organisation SARS; VN-Index tăng → no place VN',
    // A name glued to `-` and a code part (digits, or mixed case): `SARS-CoV-2`, `Covid-19`, `MH-17`.
    drops: (m) => CODE_AFTER_DASH.test(m.after),
  },
  {
    id: 'person-ends-inside-a-word',
    example: 'diễn viên Đoàn Nghệ thuật tỉnh Điện Biên → no person Đoàn Nghệ',
    drops: (m) => m.type === 'person' && endsInsideAWord(m),
  },
  {
    id: 'organisation-ends-inside-a-word',
    example: 'Tập đoàn Dầu khí ký thỏa thuận → no organisation Tập đoàn Dầu',
    // Only after a capitalised last word: a lower-case tail (`Cục Hàng không` + `có`) is the name's own.
    drops: (m) => m.type === 'organization' && CAPITALISED_LAST_WORD.test(m.text) && endsInsideAWord(m),
    // The rules' `Cục Hàng` of `Cục Hàng không Việt Nam` goes in the combiner, for the model's whole name.
    decodedOnly: true,
  },
  {
    id: 'place-is-a-code',
    example: 'nhà ga T2 → no place T2',
    drops: (m) => m.type === 'place' && CODE_WORD.test(m.text),
  },
  {
    id: 'numbered-road-is-no-place',
    example: 'xe tải lật trên quốc lộ 14 → no place quốc lộ 14 (a road number is not a name)',
    // docs/annotation.md: a number is not a name. `quận 1` stays: VLSP labels numbered units, and its dev
    // half lost 0.008 on places when they went too.
    drops: (m) => m.type === 'place' && isNumberedRoad(m),
  },
  {
    id: 'place-in-an-event-name',
    example: "giải vô địch cờ tướng châu Á năm 2026 → no place châu Á (the contest's name)",
    drops: (m) => m.type === 'place' && m.lead !== undefined && endsInEventName(m.lead),
  },
  {
    id: 'organisation-spans-a-match-verb',
    example: 'Đông Á Thanh Hóa thắng Công an Hà Nội 2-1 → no organisation spanning both sides',
    drops: (m) => m.type === 'organization' && spansAMatchVerb(m.text),
  },
  {
    id: 'name-spans-table-cells',
    example: '2 | Nakhon Thong Stars | Thái Lan → no organisation Nakhon Thong Stars | Thái Lan',
    // A data table's row is read with its cells joined by ` | ` (shared/parse/content/collect.ts `tableLines`).
    drops: (m) => m.text.includes('|'),
  },
  {
    id: 'generic-office-is-no-organisation',
    example:
      'Cơ quan khí tượng Mông Cổ cảnh báo… → no organisation (a capitalised kind names one: Cơ quan Khí tượng Nhật Bản)',
    drops: (m) => m.type === 'organization' && isGenericOffice(m),
  },
  {
    id: 'compass-pair-is-no-place',
    example: 'đường sắt tốc độ cao Bắc - Nam → no place Bắc, Nam (a direction)',
    drops: (m) => m.type === 'place' && isCompassPair(m),
  },
  {
    id: 'compass-half-is-no-place',
    example: 'mưa lớn ở miền Trung → no place miền Trung (a direction, not a named region)',
    drops: (m) => m.type === 'place' && COMPASS_HALVES.has(m.key),
  },
  {
    id: 'organisation-ends-in-a-bare-unit',
    example: 'UBND tỉnh chỉ đạo… → no organisation UBND tỉnh (its province is not named)',
    // The unit word with no name after it stands for "the province's", "the city's": a kind of body.
    drops: (m) => m.type === 'organization' && endsInBareScope(m.text),
  },
  {
    id: 'department-without-scope',
    example: 'Sở Tài chính đề xuất… → no organisation Sở Tài chính (every province has one)',
    drops: (m) => m.type === 'organization' && lacksScope(m),
  },
];

/** The mentions no constraint drops; `decoded`: the model's mentions, read by every constraint. */
export function applyConstraints(mentions: readonly Mention[], decoded = false): Mention[] {
  return mentions.filter((m) => !CONSTRAINTS.some((c) => (decoded || !c.decodedOnly) && c.drops(m)));
}

/** First words of team heads (data/entity-rules `[team_heads]`): a town in their name is the club's (`CLB Hải Phòng`). */
const TEAM_HEAD_FIRSTS = new Set(TEAM_HEADS.map((h) => h.toLowerCase().split(' ')[0] ?? ''));

/** First words of organisation heads (`Sở`, `Bệnh viện`, `Ngân hàng`, `UBND` …) but teams', lower case. */
export const ORG_HEAD_FIRSTS: ReadonlySet<string> = new Set(
  ORG_HEADS.map((h) => h.toLowerCase().split(' ')[0] ?? '').filter((w) => w && !TEAM_HEAD_FIRSTS.has(w)),
);
