/**
 * Keywords of an article: the file's own keywords when it declares any, otherwise key phrases
 * extracted from the text, best first.
 *
 * Extraction (adapted to Vietnamese, where a word is one to four syllables and capitals mark names):
 * text is cut at punctuation and at function words into content runs; a function word inside a longer
 * word of data/words (`thời` of `thời tiết`, `không` of `không khí`) is none. Candidates are
 * - names: runs of two or more capitalised syllables (`Phạm Bình Minh`; an organisation's capitalised
 *   head like `Sở Giao` is skipped, the full name comes from the phrases), acronyms (`ASEAN`, `TP.HCM`)
 *   and one capitalised word away from a sentence start (`Apple`, `Nga`; a brand in camel case, `iPhone`,
 *   is capitalised too);
 * - phrases: every two- to five-syllable piece of a content run (never starting with a number, nor opening
 *   or closing on a grammar word of data/keywords/phrase-edges.txt and phrase-ends.txt, which the word
 *   list's set phrases `trong năm`, `có thể` would let through).
 * A candidate's score sums its occurrences weighted by where they are (title, lede, body, caption; earlier
 * text a little more), each counted once, times a bonus for names and longer phrases (the weights:
 * ../data/keyword-settings.json). Phrases seen only once are
 * dropped, and so are cuts: a phrase always beside the same word is a piece of a longer one (`kiến cụ thể`
 * of `sáng kiến cụ thể`), and generic ones: made only of generic and stop phrases (`xây dựng`, `nâng cao
 * khả năng`; data/keywords/). A phrase gives way to a longer one containing it that scores nearly as much
 * (at least 95 %: `xe buýt` → `xe buýt điện`; written on its own even once more, it stays beside it), a
 * name only to a longer name (`Google` → `Google Maps`, but `Trần Văn Bình` beside `võ sĩ Trần Văn Bình`); of two candidates overlapping at an edge the better one stays, while one
 * held whole in another may stand beside it (`giá vàng`, `giá vàng SJC`). A one-word name that ends a
 * longer name is a short name and is dropped (`Hải` of `Lê Văn Hải`).
 */
import type { ParsedArticle } from '../../parse/types';
import { GENERIC_PHRASES, STOP_PHRASES, UNITS, VIETNAMESE_STOPWORDS } from '../../text/stopwords';
import { nameKey } from '../../text/vietnamese';
import { type Candidate, CandidateTable } from './candidates';
import { IntTable } from './int-table';
import { KEYWORD_SETTINGS } from './settings';
import { forgetWordsIfFull, ID_SPACE } from './words';

export const MAX_KEYWORDS = 10;
/** Body syllables read: key phrases of a news story show up early. */
const MAX_BODY_SYLLABLES = 500;
/** Captions read (each up to 100 syllables). */
const MAX_CAPTIONS = 10;

type KeywordText = Pick<ParsedArticle, 'title' | 'lede' | 'body' | 'captions' | 'keywords'>;

/** A number (`2020`) says no more than the generic words around it (`trong năm 2020`). */
const isNumber = (piece: string) => /^\d+$/.test(piece);

const isGenericPiece = (piece: string, inside: boolean) =>
  GENERIC_PHRASES.has(piece) ||
  STOP_PHRASES.has(piece) ||
  UNITS.has(piece) ||
  isNumber(piece) ||
  (inside && VIETNAMESE_STOPWORDS.has(piece));

/**
 * `isGeneric` of a candidate, worked out once per phrase: news repeats its phrases from article to article,
 * and working one out splits it into every piece. The phrases met so far sit in a trie over word ids (child
 * node by `node * ID_SPACE + id`, node 0 the empty phrase) beside each node's answer, so finding one spells
 * out no key. It starts over with the word ids (`forgetWordsIfFull`) and past MAX_GENERIC_NODES nodes.
 */
function isGenericCandidate(c: Candidate): boolean {
  if (genericNodes + c.syllables > MAX_GENERIC_NODES) forgetGenericNodes();
  let node = 0;
  for (let i = 0; i < c.syllables; i++) {
    node = genericChildren.getOrSet(node * ID_SPACE + c.idAt(i), genericNodes);
    if (node === genericNodes) genericNodes++;
  }
  if (node >= genericOfNode.length) {
    const grown = new Uint8Array(genericOfNode.length * 2);
    grown.set(genericOfNode);
    genericOfNode = grown;
  }
  if (genericOfNode[node] === GENERIC_UNKNOWN)
    genericOfNode[node] = isGeneric(c.key) ? GENERIC_YES : GENERIC_NO;
  return genericOfNode[node] === GENERIC_YES;
}

const genericChildren = new IntTable(1 << 16);
/** GENERIC_UNKNOWN until a node's phrase is asked. */
let genericOfNode = new Uint8Array(1 << 16);
let genericNodes = 1;
const MAX_GENERIC_NODES = 50_000;
const GENERIC_UNKNOWN = 0;
const GENERIC_NO = 1;
const GENERIC_YES = 2;

function forgetGenericNodes(): void {
  genericChildren.clear();
  genericOfNode.fill(GENERIC_UNKNOWN);
  genericNodes = 1;
}

/**
 * A phrase made only of generic phrases, stop phrases and numbers, maybe joined by function words (`nâng
 * cao khả năng`, `xây dựng`, `trong năm 2020`): it says nothing of what the story is about. `key`: lower-case syllables.
 */
export function isGeneric(key: string): boolean {
  if (GENERIC_PHRASES.has(key) || STOP_PHRASES.has(key) || UNITS.has(key)) return true;
  const syllables = key.split(' ');
  // covered[i]: the first i syllables are a sequence of generic pieces (of up to 4 syllables).
  const covered = [true];
  for (let end = 1; end <= syllables.length; end++) {
    covered[end] = false;
    for (let start = Math.max(0, end - 4); start < end && !covered[end]; start++)
      covered[end] =
        covered[start]! &&
        isGenericPiece(syllables.slice(start, end).join(' '), start > 0 && end < syllables.length);
  }
  return covered[syllables.length]!;
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

/** True if `b[bFrom..]` lines up with `a[aFrom..]` for as long as both last. */
function linesUp(a: Candidate, aFrom: number, b: Candidate, bFrom: number): boolean {
  for (let i = 0; aFrom + i < a.syllables && bFrom + i < b.syllables; i++)
    if (a.idAt(aFrom + i) !== b.idAt(bFrom + i)) return false;
  return true;
}

/** Two phrases overlap when one contains the other or they share syllables at an edge. */
function overlaps(a: Candidate, b: Candidate): boolean {
  // Slide b along a: any alignment where the overlapping syllables agree and b starts or ends inside a.
  for (let offset = 1 - b.syllables; offset < a.syllables; offset++) {
    const ok = offset >= 0 ? linesUp(a, offset, b, 0) : linesUp(b, -offset, a, 0);
    if (ok) return true;
  }
  return false;
}

/** True if phrase `a` holds phrase `b` whole (`giá vàng SJC` holds `giá vàng`). */
function contains(a: Candidate, b: Candidate): boolean {
  return b.syllables < a.syllables && ` ${a.key} `.includes(` ${b.key} `);
}

/**
 * Two phrases that overlap at an edge (`giá vàng miếng`, `vàng miếng SJC`) do not both stand; one held
 * whole in the other does, as editors list them (`giá vàng`, `giá vàng SJC`).
 */
const clashes = (a: Candidate, b: Candidate) => overlaps(a, b) && !contains(a, b) && !contains(b, a);

/**
 * A one-word name that ends a longer name of the article is that person's short name (`Hải` of `Lê Văn
 * Hải`); an acronym is no one's short name and stays (`CSGT` beside `Đội CSGT`).
 */
function dropShortNames(candidates: readonly Candidate[]): Candidate[] {
  const nameEnds = new Set<number>();
  for (const c of candidates) if (c.name && c.syllables >= 2) nameEnds.add(c.idAt(c.syllables - 1));
  const isShortName = (c: Candidate) =>
    c.name && c.syllables === 1 && nameEnds.has(c.idAt(0)) && !c.chunk.info[c.start]!.acronym;
  return candidates.filter((c) => !isShortName(c));
}

/** Key phrases of the text, best first, at most `limit`. */
export function extractKeyPhrases(article: KeywordText, language: string, limit = MAX_KEYWORDS): string[] {
  if (forgetWordsIfFull()) forgetGenericNodes();
  const english = language === 'en';
  const settings = KEYWORD_SETTINGS;
  const parts = settings.partWeights;
  const table = new CandidateTable(english, settings.earlyBody);
  // The body repeats the lede; it is read for its frequencies all the same.
  table.read([
    [article.title ?? '', parts.title, true, 200],
    [article.lede ?? '', parts.lede, true, 400],
    [article.body, parts.body, false, MAX_BODY_SYLLABLES],
    ...article.captions
      .slice(0, MAX_CAPTIONS)
      .map((caption) => [caption, parts.caption, false, 100] as const),
  ]);

  const candidates: Candidate[] = [];
  for (const c of table.all) {
    if ((c.occurrences < 2 && !(c.name && c.prominent)) || c.isCut()) continue;
    if (!english && !c.name && c.hangsOnGrammarWord()) continue;
    // A unit written like a name (`USD`, `mAh`) is still a unit.
    if (c.name ? !UNITS.has(c.key) : !isGenericCandidate(c)) candidates.push(c);
  }
  const kept = dropShortNames(candidates);
  // The best score of a longer candidate containing each shorter one, to find dominated phrases.
  for (const c of kept) if (c.syllables >= 2) table.creditPieces(c);
  const lengthBonus = settings.lengthBonus;
  const ranked = kept
    // A name gives way only to a longer name (`Google` to `Google Maps`): a phrase around it (`vô địch SEA
    // Games`, `Khi iPhone`) is no longer form of it.
    .filter((c) => (c.name ? c.longerName : c.longer) < settings.dominance * c.score)
    .map((c) => ({
      c,
      score: c.score * lengthBonus[Math.min(c.syllables, 4) - 1]! * (c.name ? settings.nameBonus : 1),
    }))
    .sort((a, b) => b.score - a.score || (a.c.key < b.c.key ? -1 : 1));

  const chosen: Candidate[] = [];
  for (const { c } of ranked) {
    if (chosen.some((k) => clashes(k, c))) continue;
    chosen.push(c);
    if (chosen.length === limit) break;
  }
  return chosen.map((c) => (c.name || !c.sawLowerCase ? (c.form() ?? c.key) : c.key).normalize('NFC'));
}

/** The article's keywords: its own when it declares them, else extracted key phrases (at most 10). */
export function articleKeywords(article: KeywordText, language: string): string[] {
  const declared = declaredKeywords(article.keywords);
  if (declared.length > 0) return declared;
  if (language !== 'vi' && language !== 'en') return [];
  return extractKeyPhrases(article, language);
}
