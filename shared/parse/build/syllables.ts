/**
 * Builds shared/parse/data/syllables.generated.json: the most frequent diacritic form of each
 * diacritic-free Vietnamese syllable, and of syllable pairs where the pair decides differently.
 * Used to restore titles from URL slugs. Source: DANeS titles and descriptions (CC BY 4.0,
 * DANeS, DATASET JSC (dataset.vn) & AIV Group, https://github.com/dataset-vn/DANeS).
 * Run by `npm run build:data -- --corpus`, which then packs it (url.ts imports the packed copy).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchKey } from '../../text/vietnamese';

const root = join(import.meta.dirname, '..', '..', '..');
const records = JSON.parse(
  readFileSync(
    join(root, '..', 'shared', 'corpus', 'danes', 'dev', 'annotated_data_batch_1.dev.json'),
    'utf8',
  ),
) as { data: { text?: string; meta?: { description?: string } } }[];

const uni = new Map<string, Map<string, number>>();
const bi = new Map<string, Map<string, number>>();
const bump = (m: Map<string, Map<string, number>>, key: string, form: string) => {
  const forms = m.get(key) ?? new Map<string, number>();
  m.set(key, forms);
  forms.set(form, (forms.get(form) ?? 0) + 1);
};

for (const r of records) {
  for (const text of [r.data.text, r.data.meta?.description]) {
    if (!text) continue;
    for (const sentence of text
      .normalize('NFC')
      .toLowerCase()
      .split(/[^\p{L}\p{M}\s]+/u)) {
      const words = sentence.split(/\s+/).filter((w) => /^\p{L}+$/u.test(w));
      words.forEach((w, i) => {
        bump(uni, searchKey(w), w);
        const next = words[i + 1];
        if (next) bump(bi, `${searchKey(w)} ${searchKey(next)}`, `${w} ${next}`);
      });
    }
  }
}

const best = (forms: Map<string, number>) => [...forms].sort((a, b) => b[1] - a[1])[0]!;
const unigrams: Record<string, string> = {};
for (const [key, forms] of uni) {
  const [form] = best(forms);
  if (form !== key) unigrams[key] = form;
}
const bigrams: Record<string, string> = {};
for (const [key, forms] of bi) {
  const [form, n] = best(forms);
  if (n < 3) continue;
  const [a, b] = key.split(' ');
  const byUnigrams = `${unigrams[a!] ?? a} ${unigrams[b!] ?? b}`;
  if (form !== byUnigrams) bigrams[key] = form;
}
const out = join(root, 'shared', 'parse', 'data', 'syllables.generated.json');
writeFileSync(
  out,
  `${JSON.stringify({ source: 'DANeS (CC BY 4.0), DATASET JSC & AIV Group, https://github.com/dataset-vn/DANeS', unigrams, bigrams })}\n`,
);
console.log(`${Object.keys(unigrams).length} syllables, ${Object.keys(bigrams).length} pairs -> ${out}`);
