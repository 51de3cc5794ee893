/**
 * Keyword lines as sites export them: separated (`a, b; c | d`) or glued by a copy-paste that lost the
 * separators (`trụ cột cộng đồng50 năm ASEANhợp tác ASEAN`). Glued keywords are split at case and
 * digit boundaries (lower → upper, acronym → lower, letter ↔ digit), then inside a token that is no
 * Vietnamese syllable where it falls into two (`Nộithời` → `Nội|thời`), the article's own words first.
 */
import { isVietnameseSyllable } from './encoding';

export function splitKeywords(raw: string, articleText: string): string[] {
  const value = raw.trim().replace(/[.。]+$/u, '');
  if (!value) return [];
  const parts = /[,;|،、#]/u.test(value) ? value.split(/\s*[,;|،、#]\s*/u) : splitGlued(value, articleText);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    const k = p.trim().replace(/\s+/g, ' ');
    if (k && !seen.has(k.toLowerCase())) {
      seen.add(k.toLowerCase());
      out.push(k);
    }
  }
  return out;
}

function splitGlued(raw: string, fullText: string): string[] {
  // The keyword line itself may be part of the text it came with: its glued words confirm nothing.
  const articleText = fullText.split(raw).join(' ');
  const syllables = new Set(
    articleText
      .toLowerCase()
      .split(/[^\p{L}\p{M}]+/u)
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
    value = value.split(word).join(`\uE001${kept.length}\uE002`);
    kept.push(word);
  }
  const pieces = value
    // A kept word glued to another is a seam too.
    .replace(/\uE002(?=[\p{L}\p{N}])/gu, '\uE002\uE000')
    .replace(/(?<=[\p{L}\p{N}])\uE001/gu, '\uE000\uE001')
    // A word of two or more letters glued to a number: "đồng50"; not "e10".
    .replace(/(\p{L}{2,})(\p{N})/gu, (m, letters: string, digit: string) =>
      /\p{Ll}$/u.test(letters) ? `${letters}\uE000${digit}` : m,
    )
    // An acronym glued to what follows: "ASEANhợp" (acronym → lower) or "HCMTriệt" (acronym → a capitalised
    // word): the article's words tell which capital ends the acronym.
    .replace(/(\p{Lu}{2,})(\p{Ll})/gu, (_m, caps: string, low: string) =>
      syllables.has(caps.toLowerCase()) || !syllables.has(caps.slice(0, -1).toLowerCase())
        ? `${caps}\uE000${low}`
        : `${caps.slice(0, -1)}\uE000${caps.slice(-1)}${low}`,
    )
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1\uE000$2')
    .replace(/(\p{N})(\p{Lu}|\p{Ll}{2,})/gu, '$1\uE000$2')
    .split('\uE000');
  const restore = (text: string) => text.replace(/\uE001(\d+)\uE002/g, (_m, i: string) => kept[Number(i)]!);
  // A token that is no syllable may be several glued lower → lower ("đốtngachâu"): cut it into syllables.
  return pieces.flatMap((piece) => {
    const out: string[][] = [[]];
    for (const w of piece.split(' ')) {
      const parts = w.includes('\uE001') || syllables.has(w.toLowerCase()) ? [w] : syllablesOf(w, syllables);
      out.at(-1)!.push(parts[0]!);
      for (const part of parts.slice(1)) out.push([part]);
    }
    return out.map((ws) => restore(ws.join(' ').trim())).filter(Boolean);
  });
}

/**
 * A glued token cut into syllables (fewest pieces; among those, most pieces the article uses): a piece is
 * a word of the article or, when the token has Vietnamese letters, a well-formed Vietnamese syllable.
 * The token itself when it cannot be cut.
 */
function syllablesOf(token: string, syllables: Set<string>): string[] {
  const lower = token.toLowerCase();
  if (isVietnameseSyllable(lower) || lower.length > 40) return [token];
  const vietnamese = /[^\p{ASCII}]/u.test(lower);
  const ok = (piece: string) => syllables.has(piece) || (vietnamese && isVietnameseSyllable(piece));
  // best[i]: [pieces, pieces the article uses, cut before] for the prefix of length i.
  const best: ([number, number, number] | undefined)[] = [[0, 0, 0]];
  for (let end = 1; end <= lower.length; end++) {
    for (let start = Math.max(0, end - 7); start < end; start++) {
      const prev = best[start];
      const piece = lower.slice(start, end);
      if (!prev || !ok(piece)) continue;
      const cand: [number, number, number] = [prev[0] + 1, prev[1] + (syllables.has(piece) ? 1 : 0), start];
      const cur = best[end];
      if (!cur || cand[0] < cur[0] || (cand[0] === cur[0] && cand[1] > cur[1])) best[end] = cand;
    }
  }
  if (!best[lower.length] || best[lower.length]![0] < 2) return [token];
  const cuts: number[] = [];
  for (let end = lower.length; end > 0; end = best[end]![2]) cuts.unshift(best[end]![2]);
  return cuts.map((start, i) => token.slice(start, cuts[i + 1] ?? token.length));
}
