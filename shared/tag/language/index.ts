/**
 * Language identification from scripts, Vietnamese letters and function words: enough to tell
 * Vietnamese (with or without diacritics) from English and the other languages a Vietnamese newsroom
 * receives. Returns ISO 639-1 codes.
 */
import { stripDiacritics } from '../../text/vietnamese';

/** Languages the tagger extracts entities and keywords for. */
export const TAGGED_LANGUAGES: ReadonlySet<string> = new Set(['vi']);

/** Frequent function words per Latin-script language, diacritic-free and lower case. */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  vi: [
    'cua',
    'va',
    'cac',
    'nhung',
    'duoc',
    'trong',
    'la',
    'co',
    'cho',
    'nguoi',
    'khong',
    'nay',
    'mot',
    'den',
    'voi',
    'tai',
    'da',
    'se',
    'nam',
    'ngay',
    'khi',
    'nhu',
    'cung',
    've',
    'thi',
    'tu',
    'nhieu',
    'sau',
    'theo',
    'viec',
    'vao',
    'ra',
    'dang',
    'de',
    'con',
    'chi',
    'ong',
    'ba',
    'anh',
    'chung',
    'toi',
    'hon',
    'neu',
    'nhat',
  ],
  en: [
    'the',
    'of',
    'and',
    'to',
    'in',
    'is',
    'that',
    'for',
    'it',
    'was',
    'on',
    'with',
    'as',
    'he',
    'be',
    'at',
    'by',
    'this',
    'have',
    'from',
    'are',
    'but',
    'not',
    'they',
    'his',
    'she',
    'has',
    'were',
    'will',
    'said',
    'which',
    'their',
    'been',
    'its',
    'who',
    'would',
    'an',
    'or',
    'after',
    'more',
  ],
  fr: [
    'le',
    'la',
    'les',
    'de',
    'des',
    'du',
    'et',
    'est',
    'un',
    'une',
    'dans',
    'pour',
    'que',
    'qui',
    'sur',
    'au',
    'aux',
    'pas',
    'par',
    'avec',
    'ce',
    'il',
    'elle',
    'sont',
    'ont',
    'mais',
    'plus',
    'a',
    'leur',
    'cette',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'ein',
    'eine',
    'zu',
    'den',
    'dem',
    'mit',
    'sich',
    'auf',
    'fur',
    'von',
    'im',
    'auch',
    'es',
    'sie',
    'wird',
    'wurde',
    'bei',
    'nach',
    'aus',
    'sind',
    'hat',
    'noch',
    'wie',
    'dass',
  ],
  es: [
    'el',
    'los',
    'las',
    'de',
    'del',
    'y',
    'en',
    'que',
    'es',
    'por',
    'para',
    'con',
    'una',
    'un',
    'se',
    'su',
    'al',
    'lo',
    'como',
    'mas',
    'pero',
    'sus',
    'fue',
    'ha',
    'este',
    'esta',
    'entre',
    'sobre',
    'tambien',
    'son',
  ],
  id: [
    'yang',
    'dan',
    'di',
    'ini',
    'itu',
    'dengan',
    'untuk',
    'dari',
    'dalam',
    'tidak',
    'akan',
    'pada',
    'juga',
    'ke',
    'oleh',
    'ada',
    'adalah',
    'mereka',
    'telah',
    'karena',
    'bahwa',
    'kami',
    'saat',
    'lebih',
    'sudah',
  ],
};

const WORD_LANGUAGES = new Map<string, string[]>();
for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words) WORD_LANGUAGES.set(word, [...(WORD_LANGUAGES.get(word) ?? []), language]);
}

/** Letters only Vietnamese writes (precomposed, after NFC): ă â đ ê ô ơ ư and the tone-marked vowels. */
const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['ko', /\p{Script=Hangul}/gu],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ru', /\p{Script=Cyrillic}/gu],
  ['th', /\p{Script=Thai}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['km', /\p{Script=Khmer}/gu],
  ['lo', /\p{Script=Lao}/gu],
];

/** Characters read: the start of an article is plenty and keeps this fast on long bodies. */
const SAMPLE_CHARS = 3000;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * The article's language as an ISO 639-1 code. `declared` (html lang, JSON field) breaks ties and is
 * used when the text is too short to tell; it never overrides clear evidence.
 */
export function detectLanguage(text: string, declared?: string | null): string {
  const hint = declared?.trim().toLowerCase().split(/[-_]/)[0];
  const hinted = hint && /^[a-z]{2}$/.test(hint) ? hint : undefined;
  const sample = text.slice(0, SAMPLE_CHARS).normalize('NFC');
  const letters = count(sample, /\p{L}/gu);
  if (letters === 0) return hinted ?? 'vi';

  // Non-Latin scripts: Japanese writes Han too, so kana decides between zh and ja.
  let bestScript: string | undefined;
  let bestScriptCount = 0;
  for (const [language, pattern] of SCRIPTS) {
    const n = count(sample, pattern);
    if (n > bestScriptCount) {
      bestScript = language;
      bestScriptCount = n;
    }
  }
  if (bestScript === 'zh' && count(sample, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > letters * 0.05) {
    bestScript = 'ja';
  }
  if (bestScript !== undefined && bestScriptCount > letters * 0.3) return bestScript;

  if (count(sample, VIETNAMESE_LETTER) > letters * 0.03) return 'vi';

  // Latin script without Vietnamese letters: vote with function words (diacritics folded, so
  // Vietnamese typed without accents still reads as Vietnamese).
  const votes = new Map<string, number>();
  let words = 0;
  for (const word of stripDiacritics(sample)
    .toLowerCase()
    .split(/[^a-z]+/)) {
    if (!word) continue;
    words++;
    for (const language of WORD_LANGUAGES.get(word) ?? [])
      votes.set(language, (votes.get(language) ?? 0) + 1);
  }
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
