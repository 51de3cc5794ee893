/**
 * Keyword lines as sites export them: separated (`a, b; c | d`) or glued by a copy-paste that lost the
 * separators (`trụ cột cộng đồng50 năm ASEANhợp tác ASEAN`). A glued line is cut at case seams
 * (lower → upper, acronym → lower, digit → upper), then every word that is no word of the article is cut
 * where it falls into cheaper pieces (glued-word.ts): `Nộithời` → `Nội|thời`, `đồng50` → `đồng|50`,
 * `nghetin` → `nghe|tin`, `chelsealiverpool` → `chelsea|liverpool` when the article writes both.
 */

import { searchKey } from '../text/vietnamese';
import { gluedWordCuts, type PieceLexicon } from './glued-word';
import { syllableLm } from './syllable-lm';

/**
 * A keyword list as the record holds it, whichever format declared it: each keyword trimmed, spaces
 * collapsed, a sentence's closing stop dropped (`thời tiết.` → `thời tiết`: a list written as a sentence
 * ends with one), and repeats dropped ignoring case, first spelling kept.
 */
export function tidyKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of keywords) {
    const k = raw
      .replace(/\s+/gu, ' ')
      .trim()
      .replace(/\s*[.。…]+$/u, '');
    if (k && !seen.has(k.toLowerCase())) {
      seen.add(k.toLowerCase());
      out.push(k);
    }
  }
  return out;
}

export function splitKeywords(raw: string, articleText: string): string[] {
  const value = raw.trim().replace(/[.。]+$/u, '');
  if (!value) return [];
  return tidyKeywords(
    /[,;|،、#]/u.test(value) ? value.split(/\s*[,;|،、#]\s*/u) : splitGlued(value, articleText),
  );
}

const SEAM = '\uE000';
const KEPT_OPEN = '\uE001';
const KEPT_CLOSE = '\uE002';

function splitGlued(raw: string, fullText: string): string[] {
  // The keyword line itself may be part of the text it came with: its glued words confirm nothing.
  const articleText = fullText.split(raw).join(' ');
  // Words as the article writes them, and the parts of those it glued itself (`củaBarcelona`).
  const words = new Set(
    `${articleText}\n${articleText.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')}`
      .toLowerCase()
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter(Boolean),
  );
  // Words the article writes with a seam of their own (`iPhone`, `24h`, `e10`, `SpaceX`) stay whole.
  const kept: string[] = [];
  let value = raw;
  const seamed = new Set(
    (articleText.match(/[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu) ?? []).filter((w) =>
      /\p{Ll}\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u.test(w),
    ),
  );
  for (const word of [...seamed].sort((a, b) => b.length - a.length)) {
    if (!value.includes(word)) continue;
    value = value.split(word).join(`${KEPT_OPEN}${kept.length}${KEPT_CLOSE}`);
    kept.push(word);
  }
  const pieces = value
    // A kept word glued to another is a seam too.
    .replace(/\uE002(?=[\p{L}\p{N}\uE001])/gu, `${KEPT_CLOSE}${SEAM}`)
    .replace(/(?<=[\p{L}\p{N}])\uE001/gu, `${SEAM}${KEPT_OPEN}`)
    // An acronym glued to what follows: "ASEANhợp" (acronym → lower) or "HCMTriệt" (acronym → a capitalised
    // word): the article's words tell which capital ends the acronym.
    .replace(/(\p{Lu}{2,})(\p{Ll})/gu, (_m, caps: string, low: string) =>
      words.has(caps.toLowerCase()) || !words.has(caps.slice(0, -1).toLowerCase())
        ? `${caps}${SEAM}${low}`
        : `${caps.slice(0, -1)}${SEAM}${caps.slice(-1)}${low}`,
    )
    .replace(/(\p{Ll})(\p{Lu})/gu, `$1${SEAM}$2`)
    .replace(/(\p{N})(\p{Lu})/gu, `$1${SEAM}$2`)
    .split(SEAM);
  const restore = (text: string) => text.replace(/\uE001(\d+)\uE002/g, (_m, i: string) => kept[Number(i)]!);
  const lexicon = articleLexicon(words, !/[^\p{ASCII}]/u.test(raw));
  return pieces.flatMap((piece) => {
    const out: string[][] = [[]];
    for (const w of piece.split(' ')) {
      const parts = w.includes(KEPT_OPEN) ? [w] : gluedWordCuts(w, lexicon);
      out.at(-1)!.push(parts[0]!);
      for (const part of parts.slice(1)) out.push([part]);
    }
    return out.map((ws) => restore(ws.join(' ').trim())).filter(Boolean);
  });
}

/** What a glued word's pieces are weighed by: the article's words and the syllable model's counts. */
function articleLexicon(words: ReadonlySet<string>, folded: boolean): PieceLexicon {
  const keys = new Set<string>();
  for (const w of words) keys.add(searchKey(w));
  const lm = syllableLm();
  return {
    inArticle: (piece) => words.has(piece),
    inArticleFolded: (piece) => keys.has(piece),
    syllableCount: (piece) => lm.count(piece),
    keyCount: (piece) => lm.keyCounts.get(piece) ?? 0,
    folded,
  };
}
