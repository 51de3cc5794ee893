/**
 * Glued keyword splitting as parse-2 shipped it, kept only so `npm run eval` prints today's figure beside
 * shared/parse/keywords.ts.
 */

export function splitKeywordsV1(raw: string, articleText: string): string[] {
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

function splitGlued(value: string, articleText: string): string[] {
  const pieces = value
    // lower-case letter or digit glued to the next keyword's start: "đồng50", "ASEANhợp", "2020Hà"
    .replace(/([\p{Ll}])(\p{N})/gu, '$1\u0000$2')
    .replace(/(\p{Lu}{2,})(\p{Ll})/gu, (_m, caps: string, low: string) => `${caps}\u0000${low}`)
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1\u0000$2')
    .replace(/(\p{N})(\p{Ll})/gu, '$1\u0000$2')
    .split('\u0000');
  // A run that is still one block of lower-case syllables may hide a seam inside a token ("đồnghợp"):
  // split a token where both halves are syllables the article uses.
  const syllables = new Set(
    articleText
      .toLowerCase()
      .split(/[^\p{L}\p{M}]+/u)
      .filter(Boolean),
  );
  return pieces.flatMap((piece) => {
    const words = piece.split(' ');
    const out: string[][] = [[]];
    for (const w of words) {
      const cut = syllables.has(w.toLowerCase()) ? -1 : seam(w, syllables);
      if (cut > 0) {
        out.at(-1)!.push(w.slice(0, cut));
        out.push([w.slice(cut)]);
      } else out.at(-1)!.push(w);
    }
    return out.map((ws) => ws.join(' ').trim()).filter(Boolean);
  });
}

function seam(token: string, syllables: Set<string>): number {
  const lower = token.toLowerCase();
  for (let i = 1; i < lower.length; i++) {
    if (syllables.has(lower.slice(0, i)) && syllables.has(lower.slice(i))) return i;
  }
  return -1;
}
