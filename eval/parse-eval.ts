/**
 * `npm run eval parse`: runs parseArticle over every labelled corpus document (eval/corpus.ts) and prints,
 * per set and field, accuracy (title, date, url, category, lede) and F1 (keywords, authors), rejections by
 * code, the worst misses, and one throughput line. Stdout only; nothing is written to disk.
 * Comparison rules (eval/parse-compare.ts) are documented in docs/evaluation.md; scores and their rows are
 * eval/parse-score.ts.
 */
import { parseArticle } from '../shared/parse/index';
import { PARSER_VERSION } from '../shared/parse/version';
import { CORPUS_SETS, loadCorpus, withoutTitleLine } from './corpus';
import { normText, syllables } from './parse-compare';
import {
  emptySet,
  FIELDS,
  fieldRows,
  type Outcome,
  printMisses,
  type SetScore,
  scoreDoc,
  scoreText,
} from './parse-score';
import { int, table } from './print';

export interface ParseEvalOptions {
  sets?: string[];
  limitPerSet?: number;
  /** Worst misses listed per field and set. @default 5 */
  missesPerField?: number;
}

/**
 * Options from the command line after `parse`: set names, `--limit=N` (per set), `--misses=N`.
 * `npm run eval parse unc-dantri --misses=20`.
 */
export function optionsFromArgv(argv: readonly string[]): ParseEvalOptions {
  const i = argv.indexOf('parse');
  const args = i === -1 ? [] : argv.slice(i + 1);
  const number = (name: string) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    const n = arg ? Number(arg.slice(name.length + 3)) : Number.NaN;
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const sets = args.filter((a) => !a.startsWith('--'));
  const limitPerSet = number('limit');
  const missesPerField = number('misses');
  return {
    ...(sets.length > 0 ? { sets } : {}),
    ...(limitPerSet ? { limitPerSet } : {}),
    ...(missesPerField ? { missesPerField } : {}),
  };
}

export async function runParseEval(options: ParseEvalOptions = optionsFromArgv(process.argv)): Promise<void> {
  const out = (s: string) => process.stdout.write(s);
  const docs = await loadCorpus({
    ...(options.sets ? { sets: options.sets } : {}),
    ...(options.limitPerSet ? { limitPerSet: options.limitPerSet } : {}),
  });

  // Parse everything first, timed on its own, then score.
  const outcomes: Outcome[] = [];
  const millis: number[] = [];
  const started = performance.now();
  for (const doc of docs) {
    const t0 = performance.now();
    try {
      const r = parseArticle({ bytes: doc.bytes, fileName: doc.fileName });
      outcomes.push(r.ok ? r : { ok: false, code: r.rejection.code, message: r.rejection.message });
    } catch (error) {
      outcomes.push({
        ok: false,
        code: 'CRASH',
        message: error instanceof Error ? error.message : String(error),
      });
    }
    millis.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;

  const sets = new Map<string, SetScore>();
  let totalBytes = 0;
  docs.forEach((doc, i) => {
    const s = sets.get(doc.set) ?? emptySet(doc.set);
    sets.set(doc.set, s);
    const outcome = outcomes[i];
    s.docs++;
    s.bytes += doc.bytes.length;
    const ms = millis[i] ?? 0;
    s.millis += ms;
    if (!s.slowest || ms > s.slowest.ms) s.slowest = { id: doc.id, ms };
    totalBytes += doc.bytes.length;
    if (!outcome) return;
    if (outcome.ok) s.parsed++;
    else s.rejected.set(outcome.code, (s.rejected.get(outcome.code) ?? 0) + 1);
    scoreDoc(s, doc, outcome);
  });
  // Title restoration from the URL slug, scored exactly on files whose title line is taken out.
  for (const doc of docs) {
    const variant = withoutTitleLine(doc);
    const s = sets.get(doc.set);
    if (!variant || !s || variant.gold.title === undefined) continue;
    let title: string | null = null;
    try {
      const r = parseArticle({ bytes: variant.bytes, fileName: variant.fileName });
      title = r.ok ? r.article.title : null;
    } catch {
      title = null;
    }
    const x = s.fields.titleRestored;
    scoreText(
      x,
      variant,
      variant.gold.title,
      title,
      normText,
      (g, p) => syllables(g).join(' ') === syllables(p).join(' '),
    );
    // Syllables right, position by position, where the syllable counts agree (all wrong otherwise).
    const gs = syllables(variant.gold.title);
    const ps = title === null ? [] : syllables(title);
    x.counts.fn += gs.length;
    if (gs.length === ps.length) x.counts.tp += gs.filter((syl, i) => syl === ps[i]).length;
  }
  const ordered = Object.keys(CORPUS_SETS)
    .map((name) => sets.get(name))
    .filter((s): s is SetScore => s !== undefined);

  out(`\n## Parse eval (parser ${PARSER_VERSION}): ${int(docs.length)} documents from ../shared/corpus\n\n`);
  out(
    `${table(
      ['set', 'docs', 'MB', 'parsed', 'rejected', 'ms/doc', 'slowest doc (ms)', 'rejections by code'],
      ordered.map((s) => [
        s.set,
        int(s.docs),
        (s.bytes / 1e6).toFixed(1),
        int(s.parsed),
        int(s.docs - s.parsed),
        (s.millis / Math.max(1, s.docs)).toFixed(2),
        s.slowest ? `${s.slowest.id} (${s.slowest.ms.toFixed(0)})` : '-',
        [...s.rejected]
          .sort((a, b) => b[1] - a[1])
          .map(([code, n]) => `${code} ${int(n)}`)
          .join(', ') || '-',
      ]),
      new Set([1, 2, 3, 4, 5]),
    )}\n\n`,
  );
  out(
    `${table(
      ['set', 'field', 'view', 'n', 'score', 'target', ''],
      ordered.flatMap(fieldRows),
      new Set([3, 4]),
    )}\n`,
  );
  const noAuthors = ordered.every((s) => s.fields.authors.n === 0);
  if (noAuthors) out('\n(authors: no set carries author labels, so authors F1 is not scored)\n');

  const perField = options.missesPerField ?? 5;
  out(`\n### Worst misses (up to ${perField} per field and set; rejected files count as ∅)\n`);
  for (const s of ordered) printMisses(s, perField);
  if (ordered.every((s) => FIELDS.every((f) => s.fields[f].misses.length === 0))) out('\n(none)\n');
  for (const s of ordered) {
    const crashes = outcomes.filter((o, i) => !o.ok && o.code === 'CRASH' && docs[i]?.set === s.set);
    if (crashes.length > 0) out(`\n${s.set}: ${crashes.length} CRASHES (parseArticle threw)\n`);
  }

  out(
    `\nthroughput: parseArticle over ${int(docs.length)} docs (${(totalBytes / 1e6).toFixed(1)} MB) in ` +
      `${seconds.toFixed(2)} s = ${int(Math.round(docs.length / seconds))} docs/s, ` +
      `${(totalBytes / 1e6 / seconds).toFixed(1)} MB/s (one run, parsing only)\n`,
  );
}
