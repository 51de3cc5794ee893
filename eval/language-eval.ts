/**
 * `npm run eval language`: the language detector (shared/tag/language) beside franc-min (MIT, a dev
 * dependency here) on the same texts: the article-extraction benchmark's pages (gold: the language the page
 * declares in `<html lang>`; pages that declare none are left out; neither detector is given the declaration)
 * and every corpus document (all Vietnamese). Accuracy per language, time per text and bundle size.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { franc } from 'franc-min';
import { bundleEntry, ROOT } from '../bench/bundle';
import { decodeBytes } from '../shared/parse/encoding';
import { parseArticle } from '../shared/parse/index';
import type { ParsedArticle } from '../shared/parse/types';
import { detectLanguage } from '../shared/tag/language/index';
import { loadCorpus } from './corpus';
import { loadBenchmark } from './extraction-eval';

/** franc's ISO 639-3 codes for the languages either detector names here, to ISO 639-1. */
const ISO_639_1: Readonly<Record<string, string>> = {
  vie: 'vi',
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  ind: 'id',
  zlm: 'ms',
  rus: 'ru',
  ukr: 'uk',
  jpn: 'ja',
  kor: 'ko',
  cmn: 'zh',
  tha: 'th',
  arb: 'ar',
  khm: 'km',
  lao: 'lo',
  nld: 'nl',
  pol: 'pl',
  tur: 'tr',
  swe: 'sv',
};

/** The text the tagger reads the language from (shared/tag/index.ts languageSample). */
function sample(article: ParsedArticle): string {
  return [article.title ?? '', article.lede ?? '', article.body.slice(0, 2000)].join('\n');
}

const DETECTORS: Record<string, (text: string) => string> = {
  newsdrop: (text) => detectLanguage(text),
  'franc-min': (text) => {
    const code = franc(text);
    return ISO_639_1[code] ?? code;
  },
};

async function bundleKb(source: string): Promise<number> {
  const dir = await mkdtemp(join(ROOT, 'node_modules', '.eval-'));
  try {
    const entry = join(dir, 'entry.ts');
    await writeFile(entry, source);
    return (await bundleEntry(entry, dir)).bytes / 1024;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runLanguageEval(): Promise<void> {
  const texts: { set: string; gold: string; text: string }[] = [];
  for (const page of await loadBenchmark().catch(() => [])) {
    const decoded = decodeBytes(page.bytes);
    const declared = decoded.ok ? /<html[^>]*\slang=["']?([a-z]{2})/i.exec(decoded.text)?.[1] : undefined;
    const outcome = parseArticle({ bytes: page.bytes, fileName: `${page.id}.html` });
    if (declared && outcome.ok)
      texts.push({ set: 'benchmark', gold: declared.toLowerCase(), text: sample(outcome.article) });
  }
  for (const doc of await loadCorpus()) {
    const outcome = parseArticle({ bytes: doc.bytes, fileName: doc.fileName });
    if (outcome.ok) texts.push({ set: 'corpus', gold: 'vi', text: sample(outcome.article) });
  }
  const groups = [...new Set(texts.map((t) => `${t.set} ${t.gold}`))].sort();
  const rows: string[] = [];
  const cells = new Map<string, string[]>();
  for (const detect of Object.values(DETECTORS)) {
    const t0 = performance.now();
    const got = texts.map((t) => detect(t.text));
    const us = ((performance.now() - t0) / texts.length) * 1000;
    for (const group of groups) {
      const idx = texts.map((t, i) => (`${t.set} ${t.gold}` === group ? i : -1)).filter((i) => i >= 0);
      const right = idx.filter((i) => got[i] === texts[i]!.gold).length;
      const wrong = idx.filter((i) => got[i] !== texts[i]!.gold).map((i) => got[i]);
      const cell = `${right}/${idx.length}${wrong.length ? ` (${[...new Set(wrong)].join(',')})` : ''}`;
      cells.set(group, [...(cells.get(group) ?? []), cell]);
    }
    const right = texts.filter((t, i) => got[i] === t.gold).length;
    cells.set('all', [
      ...(cells.get('all') ?? []),
      `${right}/${texts.length} = ${(right / texts.length).toFixed(4)}`,
    ]);
    cells.set('µs/text', [...(cells.get('µs/text') ?? []), us.toFixed(0)]);
  }
  const ours = await bundleKb(
    `import { detectLanguage } from '${join(ROOT, 'shared/tag/language/index')}';\nexport const f = detectLanguage;\n`,
  );
  const theirs = await bundleKb(`import { franc } from 'franc-min';\nexport const f = franc;\n`);
  cells.set('bundle KB (minified, alone)', [ours.toFixed(1), theirs.toFixed(1)]);
  for (const [group, values] of [...cells]) rows.push(`| ${group} | ${values.join(' | ')} |`);
  process.stdout.write(
    `\n## Language (benchmark pages by their declared language, corpus all Vietnamese; no hint given)\n\n` +
      `| texts | ${Object.keys(DETECTORS).join(' | ')} |\n|---|${Object.keys(DETECTORS)
        .map(() => '---')
        .join('|')}|\n${rows.join('\n')}\n`,
  );
}
