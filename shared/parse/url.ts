/**
 * What a news URL tells: the section (category), the publisher's site, and a title slug whose
 * diacritics can be restored from the article's own words and a syllable lexicon.
 */
import { HASH_SEED, hashStep, SpellingTable } from '../text/spellings';
import { isSpaceCode, isWordCharAt, searchKey } from '../text/vietnamese';
import lexicon from './data/syllables.generated.json';

const UNIGRAMS = lexicon.unigrams as Record<string, string>;
const BIGRAMS = lexicon.bigrams as Record<string, string>;

// Section slugs of Vietnamese news sites, with their labels as the sites write them.
const SECTIONS: Record<string, string> = {
  'chinh-tri': 'Chính trị',
  'thoi-su': 'Thời sự',
  'xa-hoi': 'Xã hội',
  'kinh-te': 'Kinh tế',
  'kinh-doanh': 'Kinh doanh',
  'tai-chinh': 'Tài chính',
  'chung-khoan': 'Chứng khoán',
  'bat-dong-san': 'Bất động sản',
  'the-gioi': 'Thế giới',
  'quoc-te': 'Quốc tế',
  'the-thao': 'Thể thao',
  'bong-da': 'Bóng đá',
  'giai-tri': 'Giải trí',
  'van-hoa': 'Văn hóa',
  'giao-duc': 'Giáo dục',
  'khuyen-hoc': 'Khuyến học',
  'suc-khoe': 'Sức khỏe',
  'phap-luat': 'Pháp luật',
  'cong-nghe': 'Công nghệ',
  'khoa-hoc': 'Khoa học',
  'suc-manh-so': 'Sức mạnh số',
  'du-lich': 'Du lịch',
  'doi-song': 'Đời sống',
  'o-to-xe-may': 'Ô tô - Xe máy',
  'oto-xe-may': 'Ô tô - Xe máy',
  xe: 'Xe',
  'nhip-song-tre': 'Nhịp sống trẻ',
  'tam-long-nhan-ai': 'Tấm lòng nhân ái',
  'lao-dong-viec-lam': 'Lao động - Việc làm',
  'ban-doc': 'Bạn đọc',
  'tin-tuc-trong-ngay': 'Tin tức trong ngày',
  'thoi-trang': 'Thời trang',
  'hi-tech': 'Hi-tech',
  'an-ninh-hinh-su': 'An ninh hình sự',
  phim: 'Phim',
  'ca-nhac-mtv': 'Ca nhạc',
  'am-thuc': 'Ẩm thực',
  'lam-dep': 'Làm đẹp',
  'tin-tuc': 'Tin tức',
  'quan-su': 'Quân sự',
  'moi-truong': 'Môi trường',
  'nong-nghiep': 'Nông nghiệp',
  'gia-dinh': 'Gia đình',
  'tinh-yeu': 'Tình yêu',
};

const ASSET = /\.(htm|html|shtml|php|aspx?|vov|chn|tpo|epi|ldo)$/i;

function pathSegments(url: string): string[] {
  try {
    return new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return [];
  }
}

/** `vov.vn` from `https://www.vov.vn/...`. */
export function siteOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function camelToSlug(segment: string): string {
  return segment.replace(/([a-zà-ỹ])([A-ZÀ-Ỹ])/gu, '$1-$2').toLowerCase();
}

/** The section of a news URL as a category path, e.g. `https://vov.vn/chinh-tri/...` → `["Chính trị"]`. */
export function categoryFromUrl(url: string): string[] {
  const segments = pathSegments(url);
  // baomoi: /Home/<Category>/<source-site>/<slug>/<id>.epi
  if (segments[0]?.toLowerCase() === 'home' && segments.length > 2) {
    return [labelForSection(camelToSlug(segments[1]!))];
  }
  const first = segments[0];
  if (!first || segments.length < 2 || ASSET.test(first) || /\d{5,}/.test(first)) return [];
  return [labelForSection(first.toLowerCase())];
}

function labelForSection(slug: string): string {
  const known = SECTIONS[slug];
  if (known) return known;
  const restored = restoreWords(slug.split('-').filter(Boolean), new Map<string, string>());
  return restored.charAt(0).toUpperCase() + restored.slice(1);
}

/** The title slug of an article URL without its id: `khai-mac-...-ammr-1001345.vov` → `khai mac ... ammr`. */
export function slugWords(url: string): string[] {
  const segments = pathSegments(url);
  const last = segments.at(-1);
  if (!last) return [];
  const words = last.replace(ASSET, '').split(/[-_]+/).filter(Boolean);
  // Trailing article ids (`1001345`, `20201001144758157`, `c51a1735211`) are not words; years are.
  while (words.length > 0 && (words.at(-1)!.match(/\d/g)?.length ?? 0) >= 6) words.pop();
  return words.every((w) => /^[a-z0-9]+$/i.test(w)) ? words.map((w) => w.toLowerCase()) : [];
}

/** A spelling and its `searchKey`. */
interface KeyedWord {
  word: string;
  key: string;
}

/** Spellings met in article texts, with their keys: most words of a text are known, and cost no slice. */
const keyedWords = new SpellingTable<KeyedWord>((word) => ({ word, key: searchKey(word) }));

/**
 * Index of the article's own word sequences by their diacritic-free key, so a slug can be matched back
 * to how the article writes it. Keys are the slug's own word sequences (the only ones `restoreWords`
 * asks for), up to `maxN` words long.
 */
export function phraseIndex(text: string, slug: readonly string[], maxN = 6): Map<string, string> {
  const slugWords = new Set(slug);
  const counts = new Map<string, Map<string, number>>();
  // The words of each stretch between punctuation, as `wordRuns` splits them, one run at a time.
  const run: KeyedWord[] = [];
  let start = -1;
  let hash = HASH_SEED;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isWordCharAt(text, i)) {
      if (start < 0) {
        start = i;
        hash = HASH_SEED;
      }
      hash = hashStep(hash, text.charCodeAt(i));
      continue;
    }
    if (start >= 0) {
      run.push(keyedWords.lookup(text, start, i, hash));
      start = -1;
    }
    if (i === text.length || !isSpaceCode(text.charCodeAt(i))) {
      if (run.length > 0) indexRun(run, slug, slugWords, maxN, counts);
      run.length = 0;
    }
  }
  const index = new Map<string, string>();
  for (const [key, forms] of counts) {
    // Prefer the most frequent form; on ties, the lower-case one (sentence-initial capitals are noise).
    const [form] = [...forms].sort((a, b) => b[1] - a[1] || (a[0] === a[0].toLowerCase() ? -1 : 1))[0]!;
    index.set(key, form);
  }
  return index;
}

/** Counts the written forms of the slug's word sequences in one run of words. */
function indexRun(
  words: readonly KeyedWord[],
  slug: readonly string[],
  slugWords: ReadonlySet<string>,
  maxN: number,
  counts: Map<string, Map<string, number>>,
): void {
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!.key;
    if (!slugWords.has(first)) continue;
    // Where in the slug the phrase from `i` still lines up: a phrase the slug does not spell is never
    // asked for, so the phrase stops growing once no position is left.
    let at: number[] = [];
    for (let j = 0; j < slug.length; j++) if (slug[j] === first) at.push(j);
    let phrase = words[i]!.word;
    let phraseKey = first;
    for (let n = 1; n <= maxN && i + n <= words.length; n++) {
      if (n > 1) {
        const { word, key } = words[i + n - 1]!;
        at = at.filter((j) => slug[j + n - 1] === key);
        if (at.length === 0) break;
        phrase += ` ${word}`;
        phraseKey += ` ${key}`;
      }
      const forms = counts.get(phraseKey) ?? new Map<string, number>();
      counts.set(phraseKey, forms);
      forms.set(phrase, (forms.get(phrase) ?? 0) + 1);
    }
  }
}

/** Restores diacritics of diacritic-free words: longest phrase from the article first, then the lexicon. */
export function restoreWords(words: string[], index: Map<string, string>): string {
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(6, words.length - i); n >= 1; n--) {
      const form = index.get(words.slice(i, i + n).join(' '));
      // Single words from the article are trusted only when they carry diacritics or are not syllables
      // the lexicon would change (e.g. "asean").
      if (form && (n > 1 || form !== words[i] || !UNIGRAMS[words[i]!])) {
        const phrase =
          n > 1 || /\p{Lu}{2,}/u.test(form) || form.toLowerCase() !== form ? form : form.toLowerCase();
        out.push(phrase);
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const w = words[i]!;
    const next = words[i + 1];
    const pair = next ? BIGRAMS[`${w} ${next}`] : undefined;
    if (pair) {
      out.push(pair);
      i += 2;
      continue;
    }
    out.push(UNIGRAMS[w] ?? w);
    i++;
  }
  return out.join(' ');
}

/** A title recovered from the URL slug, diacritics restored; null when the URL has no word slug. */
export function titleFromUrl(url: string, articleText: string): string | null {
  const words = slugWords(url);
  if (words.length < 3) return null;
  const title = restoreWords(words, phraseIndex(articleText, words));
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * True when the URL has a word slug and the given headline does not spell it. `strict` is for a candidate
 * that reads like a sentence (ends with a full stop or colon): then the slug must match it almost exactly.
 */
export function slugDisagrees(url: string, headline: string, strict = false): boolean {
  const slug = slugWords(url);
  if (slug.length < 3) return false;
  const headlineWords = searchKey(headline).split(' ');
  // Some CMSs glue slug words together (`toiuutainguyenhe-thong`): compare the letters alone first.
  const slugLetters = slug.join('');
  const headlineLetters = headlineWords.join('');
  if (headlineLetters === slugLetters || (slugLetters.length > 15 && headlineLetters.startsWith(slugLetters)))
    return false;
  const shared = inOrder(slug, headlineWords);
  if (strict) return shared < 0.9 * slug.length || headlineWords.length > slug.length + 2;
  // Slugs may shorten a headline, but keep its words in order and most of its length.
  return shared < 0.6 * slug.length || headlineWords.length > 1.6 * slug.length + 3;
}

/** Length of the longest common subsequence of two word lists. */
function inOrder(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(x === b[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!));
    prev = row;
  }
  return prev[b.length]!;
}
