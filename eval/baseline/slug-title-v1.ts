/**
 * The slug-title restorer as parse-2 shipped it (longest phrase of the article, then the most frequent form
 * of each syllable and pair in DANeS), kept only so `npm run eval` can print today's figure beside the
 * decoder that replaced it (shared/parse/slug-title.ts). Its lexicon (DANeS, CC BY 4.0: DANeS, DATASET JSC
 * (dataset.vn) & AIV Group, https://github.com/dataset-vn/DANeS) sits beside it.
 */
import { phraseIndex } from '../../shared/parse/url';
import { unpackJson } from '../../shared/text/packed';
import packedLexicon from './syllables.packed.generated.json';

const lexicon = unpackJson<{ unigrams: Record<string, string>; bigrams: Record<string, string> }>(
  packedLexicon,
);

function restoreWords(words: string[], index: Map<string, string>): string {
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(6, words.length - i); n >= 1; n--) {
      const form = index.get(words.slice(i, i + n).join(' '));
      if (form && (n > 1 || form !== words[i] || !lexicon.unigrams[words[i]!])) {
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
    const pair = next ? lexicon.bigrams[`${w} ${next}`] : undefined;
    if (pair) {
      out.push(pair);
      i += 2;
      continue;
    }
    out.push(lexicon.unigrams[w] ?? w);
    i++;
  }
  return out.join(' ');
}

/** Today's title from a slug's words and the article's text. */
export function rebuildTitleV1(slug: readonly string[], articleText: string): string {
  const title = restoreWords([...slug], phraseIndex(articleText, slug));
  return title.charAt(0).toUpperCase() + title.slice(1);
}
