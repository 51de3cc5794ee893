/**
 * Builds shared/parse/data/title-lm.generated.json: a syllable bigram language model (counts for
 * interpolated Kneser-Ney) over lower-case, diacritic-marked Vietnamese syllables, used to put the marks
 * back on a URL slug's syllables (shared/parse/slug-title.ts). Licence-clean sources only, listed in
 * shared/parse/data/README.md:
 * - DANeS titles and descriptions (CC BY 4.0, DANeS, DATASET JSC (dataset.vn) & AIV Group,
 *   https://github.com/dataset-vn/DANeS), read from ../shared/corpus/danes/dev;
 * - the team's own written text, data/entities/source/written/*.txt (inline `[[TYPE:` … `]]` markup
 *   stripped, `# doc` header lines skipped) and data/text/written/*.txt (headlines and ledes);
 * - the team's word list, data/words/*.txt: multi-syllable words, which give the pairs inside words
 *   (`xóa sổ`, `ác mộng`) that the small text often lacks.
 * Each run of text (between punctuation) is framed by start and end marks (`<s>`, `</s>`), so the model
 * also knows how a title starts and ends; listed words are not.
 * Never evaluation-only or GPL text.
 * Run by `npm run build:data -- --corpus`, which then packs it (slug-title.ts imports the packed copy).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { END, START, sentencesOfSyllables } from '../syllable-text';

const root = join(import.meta.dirname, '..', '..', '..');

function danesTexts(): string[] {
  const file = join(root, '..', 'shared', 'corpus', 'danes', 'dev', 'annotated_data_batch_1.dev.json');
  const records = JSON.parse(readFileSync(file, 'utf8')) as {
    data: { text?: string; meta?: { description?: string } };
  }[];
  return records.flatMap((r) => [r.data.text ?? '', r.data.meta?.description ?? '']);
}

/** The team's written news text with its entity markup stripped: one text per paragraph line. */
export function writtenTexts(dir = join(root, 'data', 'entities', 'source', 'written')): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .flatMap((n) => readFileSync(join(dir, n), 'utf8').split('\n'))
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.replace(/\[\[(?:PER|ORG|LOC):/g, '').replace(/\]\]/g, ''));
}

/** The team's plain written text (data/text/written/*.txt): one headline or lede per line. */
export function plainWrittenTexts(dir = join(root, 'data', 'text', 'written')): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .flatMap((n) => readFileSync(join(dir, n), 'utf8').split('\n'))
    .filter((line) => line.trim() && !line.startsWith('#'));
}

/** The team's word list (data/words/*.txt): multi-syllable words, comma-separated, `#` lines skipped. */
export function compoundWords(dir = join(root, 'data', 'words')): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .flatMap((n) => readFileSync(join(dir, n), 'utf8').split('\n'))
    .filter((line) => !line.startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((w) => w.trim())
    .filter((w) => w.includes(' '));
}

// A listed word counts as this many sightings of its syllable pairs (chosen on the tuning half: with the
// 250 KB of lists, 1 → 0.962 of syllables, 2 → 0.962, 3 → 0.963, 5 → 0.963).
const WORD_WEIGHT = 3;
const texts = [...danesTexts(), ...writtenTexts(), ...plainWrittenTexts()];
const words = compoundWords().flatMap((w) => new Array<string>(WORD_WEIGHT).fill(w));
const unigram = new Map<string, number>();
const bigram = new Map<string, number>();
let tokens = 0;
const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
/** A text's runs of syllables, each between the start and end marks; a listed word is no run of text. */
function runs(text: string, marked: boolean): string[][] {
  const out = sentencesOfSyllables(text);
  return marked ? out.map((r) => [START, ...r, END]) : out;
}
const sources = [...texts.map((t) => [t, true] as const), ...words.map((w) => [w, false] as const)];
for (const [text, marked] of sources) {
  for (const sentence of runs(text, marked)) {
    sentence.forEach((w, i) => {
      if (w !== START && w !== END) tokens++;
      add(unigram, w);
      if (i > 0) add(bigram, `${sentence[i - 1]} ${w}`);
    });
  }
}

// Vocabulary in a fixed order (by count, then code point) so the file diffs well.
const vocab = [...unigram].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
const index = new Map(vocab.map((w, i) => [w, i]));
// Kneser-Ney statistics: how many distinct words follow each word (its back-off weight) and how many
// distinct words precede it (its continuation probability).
const follow = new Array<number>(vocab.length).fill(0);
const precede = new Array<number>(vocab.length).fill(0);
const history = new Array<number>(vocab.length).fill(0);
for (const [pair, n] of bigram) {
  const [a, b] = pair.split(' ') as [string, string];
  follow[index.get(a)!]!++;
  precede[index.get(b)!]!++;
  history[index.get(a)!]! += n;
}

/**
 * Word-id tuples with their counts, sorted and delta-coded so the packed file stays small: each id is
 * written as the step from the previous tuple's id at the same place while all earlier places are the
 * same, else as itself; then the count.
 */
function deltaCoded(counts: Map<string, number>, minCount: number): number[] {
  const rows = [...counts]
    .filter(([, n]) => n >= minCount)
    .map(([key, n]) => [...key.split(' ').map((w) => index.get(w)!), n])
    .sort((x, y) => {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return 0;
    });
  const out: number[] = [];
  let prev = rows[0]?.map(() => 0) ?? [];
  for (const row of rows) {
    let same = true;
    for (let i = 0; i < row.length - 1; i++) {
      out.push(same ? row[i]! - prev[i]! : row[i]!);
      same &&= row[i] === prev[i];
    }
    out.push(row.at(-1)!);
    prev = row;
  }
  return out;
}

// Every pair is kept: those seen once are two thirds of them, and with them the tuning half gets 0.943 of
// syllables, without them 0.939. (Triples seen twice or more, ~100 KB packed, changed nothing there.)
const pairs = deltaCoded(bigram, 1);

const out = join(root, 'shared', 'parse', 'data', 'title-lm.generated.json');
writeFileSync(
  out,
  `${JSON.stringify({
    source:
      'DANeS titles and descriptions (CC BY 4.0: DANeS, DATASET JSC (dataset.vn) & AIV Group, https://github.com/dataset-vn/DANeS); newsdrop team written text and word list (data/entities/source/written, data/text/written, data/words; CC BY 4.0)',
    tokens,
    vocab,
    history,
    follow,
    precede,
    bigramCount: bigram.size,
    bigrams: pairs,
  })}\n`,
);
console.log(
  `${texts.length} texts, ${words.length} listed words, ${tokens} syllables, ${vocab.length} forms, ${bigram.size} bigrams -> ${out}`,
);
