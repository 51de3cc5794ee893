/**
 * Language identification from scripts, Vietnamese letters and function words: enough to tell
 * Vietnamese (with or without diacritics) from English and the other languages a Vietnamese newsroom
 * receives (Latin-script ones by the function words in data/language/function-words.txt). Returns ISO 639-1
 * codes. Chosen over franc-min on the same texts (`npm run eval language`): as accurate or more, about 25x
 * smaller and faster.
 */
import { foldedTokens } from '../../text/fold';
import functionWords from '../data/function-words.generated.json';

/** Languages the topic model reads (entities have their own list, `ENTITY_LANGUAGES`). */
export const TAGGED_LANGUAGES: ReadonlySet<string> = new Set(['vi']);

/** Frequent function words per Latin-script language, diacritic-free and lower case (data/language/). */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = functionWords.languages;

const WORD_LANGUAGES = new Map<string, string[]>();
for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words) WORD_LANGUAGES.set(word, [...(WORD_LANGUAGES.get(word) ?? []), language]);
}

/** Letters only Vietnamese writes (precomposed): ă â đ ê ô ơ ư and the tone-marked vowels. */
const VIETNAMESE_LETTERS: ReadonlySet<number> = new Set(
  [...'ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ']
    .flatMap((c) => [c, c.toUpperCase()])
    .map((c) => c.codePointAt(0)!),
);
/** Vietnamese tone marks as combining characters (text typed with decomposed accents). */
const TONE_MARKS: ReadonlySet<number> = new Set([0x300, 0x301, 0x303, 0x309, 0x323]);

/** Non-Latin scripts by code point range; Japanese writes Han too, so kana decides between zh and ja. */
const SCRIPT_RANGES: readonly (readonly [string, number, number])[] = [
  ['ko', 0xac00, 0xd7af],
  ['ko', 0x1100, 0x11ff],
  ['ja', 0x3040, 0x30ff],
  ['zh', 0x4e00, 0x9fff],
  ['zh', 0x3400, 0x4dbf],
  ['ru', 0x0400, 0x04ff],
  ['th', 0x0e00, 0x0e7f],
  ['ar', 0x0600, 0x06ff],
  ['km', 0x1780, 0x17ff],
  ['lo', 0x0e80, 0x0eff],
];

/** Characters read: the start of an article is plenty and keeps this fast on long bodies. */
const SAMPLE_CHARS = 1500;

function scriptOf(code: number): string | undefined {
  for (const [language, from, to] of SCRIPT_RANGES) if (code >= from && code <= to) return language;
  return undefined;
}

const LATIN_LETTER = /\p{L}/u;
const LETTERS = /\p{L}/gu;

/** What a character below U+2000 counts as, worked out once: the sample loop's per-character tests. */
const OTHER = 0;
const VIETNAMESE = 1;
const LETTER = 2;
const KIND_TABLE_SIZE = 0x2000;
/** `OTHER`, `VIETNAMESE`, `LETTER`, or a script's letter as `SCRIPT_KINDS` + index in `SCRIPT_LANGUAGES`. */
const SCRIPT_KINDS = 3;
const SCRIPT_LANGUAGES = [...new Set(SCRIPT_RANGES.map(([language]) => language))];
const KINDS = buildKinds();

/**
 * `kindOf` for every code below the table's size, built in bulk for cold start: letters from one native regex
 * pass over the whole block (a test per character cost ~5 ms), then the script ranges, then Vietnamese
 * letters and tone marks, which win, as in `kindOf`.
 */
function buildKinds(): Uint8Array {
  const kinds = new Uint8Array(KIND_TABLE_SIZE);
  let block = '';
  for (let code = 0x80; code < KIND_TABLE_SIZE; code++) block += String.fromCharCode(code);
  for (const m of block.matchAll(LETTERS)) kinds[0x80 + m.index] = LETTER;
  for (const [language, from, to] of SCRIPT_RANGES)
    for (let code = Math.max(from, 0x80); code <= Math.min(to, KIND_TABLE_SIZE - 1); code++)
      kinds[code] = SCRIPT_KINDS + SCRIPT_LANGUAGES.indexOf(language);
  for (const code of [...VIETNAMESE_LETTERS, ...TONE_MARKS])
    if (code >= 0x80 && code < KIND_TABLE_SIZE) kinds[code] = VIETNAMESE;
  return kinds;
}

function kindOf(code: number, char: string): number {
  if (VIETNAMESE_LETTERS.has(code) || TONE_MARKS.has(code)) return VIETNAMESE;
  const script = scriptOf(code);
  if (script !== undefined) return SCRIPT_KINDS + SCRIPT_LANGUAGES.indexOf(script);
  return LATIN_LETTER.test(char) ? LETTER : OTHER;
}

/**
 * The article's language as an ISO 639-1 code. `declared` (html lang, JSON field) breaks ties and is
 * used when the text is too short to tell; it never overrides clear evidence.
 */
export function detectLanguage(text: string, declared?: string | null): string {
  const hint = declared?.trim().toLowerCase().split(/[-_]/)[0];
  const hinted = hint && /^[a-z]{2}$/.test(hint) ? hint : undefined;
  const sample = text.slice(0, SAMPLE_CHARS);

  let letters = 0;
  let vietnamese = 0;
  const scripts = new Map<string, number>();
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) letters++;
      continue;
    }
    const kind = code < KIND_TABLE_SIZE ? KINDS[code]! : kindOf(code, sample[i]!);
    if (kind === VIETNAMESE) {
      vietnamese++;
      letters++;
    } else if (kind >= SCRIPT_KINDS) {
      const script = SCRIPT_LANGUAGES[kind - SCRIPT_KINDS]!;
      scripts.set(script, (scripts.get(script) ?? 0) + 1);
      letters++;
    } else if (kind === LETTER) letters++;
  }
  if (letters === 0) return hinted ?? 'vi';

  let bestScript: string | undefined;
  let bestScriptCount = 0;
  for (const [language, n] of scripts) {
    if (n > bestScriptCount) {
      bestScript = language;
      bestScriptCount = n;
    }
  }
  if (bestScript === 'zh' && (scripts.get('ja') ?? 0) > letters * 0.05) bestScript = 'ja';
  if (bestScript !== undefined && bestScriptCount > letters * 0.3) return bestScript;

  if (vietnamese > letters * 0.03) return 'vi';

  // Latin script without Vietnamese letters: vote with function words (diacritics folded, so
  // Vietnamese typed without accents still reads as Vietnamese).
  const votes = new Map<string, number>();
  let words = 0;
  foldedTokens(sample, Number.POSITIVE_INFINITY, (word) => {
    if (word === null) return;
    words++;
    for (const language of WORD_LANGUAGES.get(word) ?? [])
      votes.set(language, (votes.get(language) ?? 0) + 1);
  });
  let best: string | undefined;
  let bestVotes = 0;
  for (const [language, n] of votes) {
    const bonus = language === hinted ? 0.5 : 0;
    if (n + bonus > bestVotes) {
      best = language;
      bestVotes = n + bonus;
    }
  }
  if (best !== undefined && bestVotes >= Math.max(2, words * 0.08)) return best;
  return hinted ?? best ?? 'vi';
}
