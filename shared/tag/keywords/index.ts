/**
 * Keywords of an article: the file's own keywords when it declares any, otherwise key phrases
 * extracted from the text, best first.
 *
 * Extraction (RAKE-like, adapted to Vietnamese, where a word is one to four syllables and capitals mark
 * names): text is cut at punctuation and at function words into content runs. Candidates are
 * - names: runs of two or more capitalised syllables (`Phạm Bình Minh`, `Bộ Ngoại giao` keeps only the
 *   capitalised head, so organisation names come from the content runs) and acronyms (`ASEAN`, `TP.HCM`);
 * - phrases: whole content runs of two to four syllables, and the two- and three-syllable pieces of longer runs.
 * A candidate's score sums its occurrences weighted by where they are (title 3, lede 2, body 1, earlier
 * body text counting a little more), times a bonus for names and longer phrases. Phrases seen once in
 * the body only are dropped. Overlapping candidates keep the better one.
 */
import type { ParsedArticle } from '../../parse/types';
import { nameKey } from '../../text/vietnamese';
import { ENGLISH_STOPWORDS, VIETNAMESE_STOPWORDS } from './stopwords';

export const MAX_KEYWORDS = 10;
/** Body syllables read: key phrases of a news story show up early. */
const MAX_BODY_SYLLABLES = 1500;

type KeywordText = Pick<ParsedArticle, 'title' | 'lede' | 'body' | 'captions' | 'keywords'>;

interface Candidate {
  score: number;
  /** How often each written form occurred (a form at the start of a sentence counts less). */
  forms: Map<string, number>;
  syllables: number;
  name: boolean;
  /** Seen in the title or lede. */
  prominent: boolean;
  occurrences: number;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[.&'’-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|[^\s\p{L}\p{N}]/gu;
const WORD = /^[\p{L}\p{N}]/u;
const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}.&-]{2,}$/u;
const DIGITS = /^[\d.,]+$/;

function stopwordsFor(language: string): ReadonlySet<string> {
  return language === 'en' ? ENGLISH_STOPWORDS : VIETNAMESE_STOPWORDS;
}

/** Declared keywords, trimmed and without repeats (compared by `nameKey`). */
function declaredKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of keywords) {
    const keyword = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = nameKey(keyword);
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

class CandidateTable {
  readonly byKey = new Map<string, Candidate>();

  add(words: readonly string[], weight: number, name: boolean, sentenceStart: boolean, prominent: boolean) {
    const form = words.join(' ');
    const key = nameKey(form);
    let candidate = this.byKey.get(key);
    if (candidate === undefined) {
      candidate = { score: 0, forms: new Map(), syllables: words.length, name, prominent, occurrences: 0 };
      this.byKey.set(key, candidate);
    }
    candidate.score += weight;
    candidate.occurrences++;
    candidate.name ||= name;
    candidate.prominent ||= prominent;
    candidate.forms.set(form, (candidate.forms.get(form) ?? 0) + (sentenceStart ? 0.1 : 1));
  }
}

/** Reads one part of the article into the candidate table; returns the syllables read. */
function readPart(
  table: CandidateTable,
  text: string,
  weight: number,
  prominent: boolean,
  stopwords: ReadonlySet<string>,
  maxSyllables: number,
): number {
  let read = 0;
  let chunk: string[] = [];
  let sentenceStart = true;
  let chunkAtSentenceStart = true;
  const flush = () => {
    if (chunk.length > 0)
      addChunk(table, chunk, weight * positionWeight(read), prominent, stopwords, chunkAtSentenceStart);
    chunk = [];
  };
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (!WORD.test(token)) {
      flush();
      chunkAtSentenceStart = false;
      if (/[.!?:…\n]/.test(token)) sentenceStart = true;
      continue;
    }
    if (chunk.length === 0) chunkAtSentenceStart = sentenceStart;
    sentenceStart = false;
    chunk.push(token);
    if (++read >= maxSyllables) break;
  }
  flush();
  return read;
}

/** Early body text weighs a little more than late body text. */
function positionWeight(syllablesRead: number): number {
  return 1 + 0.5 / (1 + syllablesRead / 200);
}

/** First syllables of organisation names and titles, whose capitalised head (`Sở Giao`) is not the name. */
const NAME_HEADS: ReadonlySet<string> = new Set(
  'bộ sở ban phó thủ hội ủy cục viện trường công tổng ngân tập phòng chủ bí quốc tỉnh bệnh đại học chi'.split(
    ' ',
  ),
);
const YEAR = /^(19|20)\d\d$/;

function addChunk(
  table: CandidateTable,
  chunk: readonly string[],
  weight: number,
  prominent: boolean,
  stopwords: ReadonlySet<string>,
  atSentenceStart: boolean,
): void {
  // Names: runs of capitalised syllables (a sentence's first word alone is just a capital letter).
  let start = 0;
  while (start < chunk.length) {
    if (!CAPITALISED.test(chunk[start]!)) {
      start++;
      continue;
    }
    let end = start;
    while (end < chunk.length && CAPITALISED.test(chunk[end]!)) end++;
    const first = atSentenceStart && start === 0 && end - start > 2 ? 1 : 0;
    const run = chunk.slice(start + first, end);
    const next = chunk[end];
    const continues = next !== undefined && !stopwords.has(next.toLowerCase()) && !DIGITS.test(next);
    const isHead = continues && NAME_HEADS.has(run[0]!.toLowerCase());
    if (run.length >= 2 && run.length <= 5 && !isHead) table.add(run, weight, true, false, prominent);
    for (const word of run) {
      if (ACRONYM.test(word) && !DIGITS.test(word)) table.add([word], weight, true, false, prominent);
    }
    start = end;
  }
  // Phrases: every 2-4 syllable piece of the content runs between function words.
  let runStart = 0;
  for (let i = 0; i <= chunk.length; i++) {
    const word = chunk[i];
    if (word !== undefined && !stopwords.has(word.toLowerCase())) continue;
    addRun(table, chunk.slice(runStart, i), weight, prominent, atSentenceStart && runStart === 0);
    runStart = i + 1;
  }
}

function addRun(
  table: CandidateTable,
  run: readonly string[],
  weight: number,
  prominent: boolean,
  sentenceStart: boolean,
): void {
  for (let n = 2; n <= 4; n++) {
    for (let i = 0; i + n <= run.length; i++) {
      const piece = run.slice(i, i + n);
      const last = piece[n - 1]!;
      if (DIGITS.test(piece[0]!) || (DIGITS.test(last) && !YEAR.test(last))) continue;
      table.add(piece, weight, false, sentenceStart && i === 0, prominent);
    }
  }
}

function bestForm(candidate: Candidate): string {
  let best = '';
  let bestCount = -1;
  for (const [form, n] of candidate.forms) {
    if (n > bestCount) {
      best = form;
      bestCount = n;
    }
  }
  return best;
}

/** Two phrases overlap when one contains the other or they share syllables at an edge. */
function overlaps(a: string, b: string): boolean {
  if (` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `)) return true;
  const aw = a.split(' ');
  const bw = b.split(' ');
  for (let n = 1; n < Math.min(aw.length, bw.length); n++) {
    if (aw.slice(-n).join(' ') === bw.slice(0, n).join(' ')) return true;
    if (bw.slice(-n).join(' ') === aw.slice(0, n).join(' ')) return true;
  }
  return false;
}

/** A shorter phrase gives way to a longer one that contains it and occurs nearly as much (`xe buýt` → `xe buýt điện`). */
const DOMINANCE = 0.75;

/** Key phrases of the text, best first, at most `limit`. */
export function extractKeyPhrases(article: KeywordText, language: string, limit = MAX_KEYWORDS): string[] {
  const stopwords = stopwordsFor(language);
  const table = new CandidateTable();
  readPart(table, article.title ?? '', 3, true, stopwords, 200);
  if (article.lede) readPart(table, article.lede, 2, true, stopwords, 400);
  // The body repeats the lede; read it for its frequencies all the same.
  readPart(table, article.body, 1, false, stopwords, MAX_BODY_SYLLABLES);
  for (const caption of article.captions) readPart(table, caption, 0.5, false, stopwords, 100);

  const candidates = [...table.byKey.entries()].filter(
    ([, c]) => c.occurrences >= 2 || (c.name && c.prominent),
  );
  // The best score of a longer phrase containing each shorter piece, to find dominated phrases.
  const longer = new Map<string, number>();
  for (const [key, c] of candidates) {
    const words = key.split(' ');
    for (let n = 1; n < words.length; n++) {
      for (let i = 0; i + n <= words.length; i++) {
        const piece = words.slice(i, i + n).join(' ');
        longer.set(piece, Math.max(longer.get(piece) ?? 0, c.score));
      }
    }
  }
  const ranked = candidates
    .filter(([key, c]) => (longer.get(key) ?? 0) < DOMINANCE * c.score)
    .map(([key, c]) => {
      const lengthBonus = c.syllables === 1 ? 0.9 : c.syllables === 2 ? 1 : c.syllables === 3 ? 1.15 : 1.2;
      return { key, candidate: c, score: c.score * lengthBonus * (c.name ? 1.3 : 1) };
    })
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));

  const chosen: { key: string; form: string }[] = [];
  for (const { key, candidate } of ranked) {
    if (chosen.some((k) => overlaps(k.key, key))) continue;
    chosen.push({ key, form: bestForm(candidate) });
    if (chosen.length === limit) break;
  }
  return chosen.map((k) => k.form);
}

/** The article's keywords: its own when it declares them, else extracted key phrases (at most 10). */
export function articleKeywords(article: KeywordText, language: string): string[] {
  const declared = declaredKeywords(article.keywords);
  if (declared.length > 0) return declared;
  if (language !== 'vi' && language !== 'en') return [];
  return extractKeyPhrases(article, language);
}
