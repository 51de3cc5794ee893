/**
 * `npm run eval titles`: titles rebuilt from URL slugs (issue 17 §1). On every corpus title whose URL slug
 * spells the whole title (dantri files with a title line, KTLAB, 24h; DANeS trains the model so is left
 * out), the title is taken away and rebuilt from the slug and the article's text; scored per syllable
 * (marks, lower case) and per whole title (all syllables; and with capitals). The titles split by a hash
 * into a tuning half (settings are chosen there: `npm run eval titles -- --tune`) and a test half.
 * Today's restorer (eval/baseline) runs beside the decoder in the same run.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_SETTINGS, type DecodeSettings, rebuildTitle } from '../shared/parse/slug-title';
import { slugWords } from '../shared/parse/url';
import { searchKey } from '../shared/text/vietnamese';
import { rebuildTitleV1 } from './baseline/slug-title-v1';
import { type CorpusDoc, loadCorpus } from './corpus';
import { f3, int, table } from './print';

/** Words of a title as a slug splits them: at spaces, hyphens and slashes, other punctuation dropped. */
export function titleTokens(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s\-–—/]+/u)
    .map((t) => t.replace(/[^\p{L}\p{M}\p{N}]+/gu, ''))
    .filter(Boolean);
}

export interface TitleCase {
  id: string;
  half: 'tune' | 'test';
  slug: string[];
  gold: string[];
  text: string;
}

const half = (set: string, id: string): 'tune' | 'test' =>
  createHash('sha1').update(`title:${set}:${id}`).digest()[0]! % 2 === 0 ? 'tune' : 'test';

/** The corpus titles whose slug spells them word for word, with the article text the parser would see. */
export function titleCases(docs: readonly CorpusDoc[]): TitleCase[] {
  const out: TitleCase[] = [];
  for (const doc of docs) {
    const { title, url, body, lede } = doc.gold;
    if (doc.set === 'danes' || !title || !url || body === undefined) continue;
    const slug = [...slugWords(url)];
    const gold = titleTokens(title);
    if (slug.length < 3 || gold.length !== slug.length) continue;
    if (gold.some((w, i) => searchKey(w).replace(/ /g, '') !== slug[i])) continue;
    const text = [lede ?? '', body].join('\n').slice(0, 8000);
    out.push({ id: `${doc.set}/${doc.id}`, half: half(doc.set, doc.id), slug, gold, text });
  }
  return out;
}

export interface TitleScore {
  titles: number;
  syllables: number;
  syllablesRight: number;
  titlesRight: number;
  titlesWithCapitals: number;
}

export function scoreTitles(cases: readonly TitleCase[], rebuild: (c: TitleCase) => string): TitleScore {
  const s: TitleScore = { titles: 0, syllables: 0, syllablesRight: 0, titlesRight: 0, titlesWithCapitals: 0 };
  for (const c of cases) {
    const got = titleTokens(rebuild(c));
    const right = c.gold.filter((w, i) => got[i]?.toLowerCase() === w.toLowerCase()).length;
    s.titles++;
    s.syllables += c.gold.length;
    s.syllablesRight += got.length === c.gold.length ? right : 0;
    if (got.length === c.gold.length && right === c.gold.length) s.titlesRight++;
    if (got.join(' ') === c.gold.join(' ')) s.titlesWithCapitals++;
  }
  return s;
}

const decoder = (settings: DecodeSettings) => (c: TitleCase) => rebuildTitle(c.slug, c.text, settings);
const today = (c: TitleCase) => rebuildTitleV1(c.slug, c.text);

/** A small grid around the defaults, scored on the tuning half only. */
function tune(cases: readonly TitleCase[]): DecodeSettings {
  const tuning = cases.filter((c) => c.half === 'tune');
  let best = { settings: DEFAULT_SETTINGS, score: -1 };
  for (const discount of [0.6, 0.75, 0.9])
    for (const prior of [4, 8, 16])
      for (const boost of [0, 0.5, 1])
        for (const absent of [0.5, 1]) {
          const settings = { ...DEFAULT_SETTINGS, discount, prior, boost, absent };
          const s = scoreTitles(tuning, decoder(settings));
          const score = s.syllablesRight / s.syllables + s.titlesRight / s.titles;
          if (score > best.score) best = { settings, score };
        }
  process.stdout.write(`tuned on ${tuning.length} titles: ${JSON.stringify(best.settings)}\n`);
  return best.settings;
}

function printErrors(cases: readonly TitleCase[], rebuild: (c: TitleCase) => string): void {
  for (const c of cases) {
    const got = titleTokens(rebuild(c));
    const wrong = c.gold.some((w, i) => got[i]?.toLowerCase() !== w.toLowerCase());
    if (!wrong) continue;
    const marked = c.gold.map((w, i) => (got[i]?.toLowerCase() === w.toLowerCase() ? w : `${got[i]}→${w}`));
    process.stdout.write(`${c.id}\t${marked.join(' ')}\n`);
  }
}

export async function runTitleEval(argv: readonly string[] = process.argv): Promise<void> {
  const docs = await loadCorpus({ sets: ['unc-dantri', 'ktlab-mds-baomoi', 'crawl-news-24h'] });
  const cases = titleCases(docs);
  const set = argv.find((a) => a.startsWith('--set='));
  const settings = argv.includes('--tune')
    ? tune(cases)
    : { ...DEFAULT_SETTINGS, ...(set ? (JSON.parse(set.slice(6)) as Partial<DecodeSettings>) : {}) };
  const rows: string[][] = [];
  // `--half=tune` scores the tuning half only (while choosing, the test half stays unseen); `--errors`
  // lists the tuning half's wrong titles.
  const only = argv.find((a) => a.startsWith('--half='))?.slice(7);
  if (argv.includes('--errors'))
    printErrors(
      cases.filter((c) => c.half === 'tune'),
      decoder(settings),
    );
  for (const part of (['tune', 'test'] as const).filter((p) => !only || p === only)) {
    const chosen = cases.filter((c) => c.half === part);
    const before = scoreTitles(chosen, today);
    const after = scoreTitles(chosen, decoder(settings));
    const row = (view: string, pick: (s: TitleScore) => [number, number], target: string) => {
      const [n, d] = pick(after);
      const [n0, d0] = pick(before);
      rows.push([part, view, int(d), f3(n0 / d0), f3(n / d), target]);
    };
    row('syllables right', (s) => [s.syllablesRight, s.syllables], '≥ 0.96 (0.97)');
    row('whole titles, marks right', (s) => [s.titlesRight, s.titles], '≥ 0.60 (0.70)');
    row('whole titles, marks and capitals right', (s) => [s.titlesWithCapitals, s.titles], '');
  }
  process.stdout.write(
    `\n## Titles rebuilt from URL slugs (${int(cases.length)} dev titles whose slug spells them)\n\n`,
  );
  process.stdout.write(
    `${table(['half', 'view', 'n', 'today (parse-2)', 'now', 'target'], rows, new Set([2, 3, 4]))}\n`,
  );
}
