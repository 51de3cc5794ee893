/**
 * `npm run eval undated` (issue 17 §5, also part of `eval parse`): corpus articles the parser finds no date for,
 * and where the store's order and day ranges put them, beside the store before undated articles were set apart
 * (bench/baseline/facets-v1.ts: an undated article sorted by its processing time). Every corpus file is taken as
 * processed at the run's start; the sort keys and range bounds are the store's own (shared/store/facets.ts).
 */
import { planFilter as planFilterV1, sortTimeOf as sortTimeOfV1 } from '../bench/baseline/facets-v1';
import { parseArticle } from '../shared/parse/index';
import { PARSER_VERSION } from '../shared/parse/version';
import { planFilter, sortTimeOf } from '../shared/store/facets';
import { loadCorpus } from './corpus';
import { int, table } from './print';

interface Timed {
  publishedAt: string | null;
  processedAt: string;
}

type SortTime = (r: Timed) => string;
type Bounds = (day: string) => { lower?: string; upper?: string };

interface StoreRules {
  sortTime: SortTime;
  dayRange: Bounds;
  /** The bounds of `dated=false`, when the store offers it. */
  undatedOnly?: { lower?: string; upper?: string };
}

const PREVIOUS: StoreRules = {
  sortTime: sortTimeOfV1,
  dayRange: (day) => planFilterV1({ status: 'stored', from: day, to: day }),
};
const NOW: StoreRules = {
  sortTime: sortTimeOf,
  dayRange: (day) => planFilter({ status: 'stored', from: day, to: day }),
  undatedOnly: planFilter({ status: 'stored', dated: false }),
};

const inBounds = (key: string, b: { lower?: string; upper?: string }) =>
  (b.lower === undefined || key >= b.lower) && (b.upper === undefined || key <= b.upper);

/** What the store does with the undated articles among `records`, by `rules`. */
function placeUndated(records: readonly Timed[], rules: StoreRules, processingDay: string) {
  const keyed = records.map((r) => ({ undated: r.publishedAt === null, key: rules.sortTime(r) }));
  const undated = keyed.filter((r) => r.undated).length;
  // Newest first: the undated articles among the first `undated` places, and those above some dated one.
  const newestFirst = keyed.slice().sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const onTop = newestFirst.slice(0, undated).filter((r) => r.undated).length;
  const lastDated = newestFirst.findLastIndex((r) => !r.undated);
  const aboveDated = newestFirst.slice(0, Math.max(0, lastDated)).filter((r) => r.undated).length;
  const range = rules.dayRange(processingDay);
  const inToday = keyed.filter((r) => r.undated && inBounds(r.key, range)).length;
  const only = rules.undatedOnly;
  const listed = only ? keyed.filter((r) => inBounds(r.key, only)) : null;
  return {
    undated,
    onTop,
    aboveDated,
    inToday,
    listedUndated: listed ? listed.filter((r) => r.undated).length : null,
    listedDated: listed ? listed.filter((r) => !r.undated).length : null,
  };
}

export async function runUndatedEval(): Promise<void> {
  const processedAt = new Date().toISOString();
  const processingDay = new Date(Date.parse(processedAt) + 7 * 3_600_000).toISOString().slice(0, 10);
  const records: Timed[] = [];
  for (const doc of await loadCorpus()) {
    const outcome = parseArticle({ bytes: doc.bytes, fileName: doc.fileName });
    if (outcome.ok) records.push({ publishedAt: outcome.article.publishedAt, processedAt });
  }
  const before = placeUndated(records, PREVIOUS, processingDay);
  const now = placeUndated(records, NOW, processingDay);
  const of = (n: number | null) => (n === null ? '- (not offered)' : `${int(n)} of ${int(now.undated)}`);
  const out = (s: string) => process.stdout.write(s);
  out(
    `\n## Undated articles (parser ${PARSER_VERSION}): ${int(now.undated)} of ${int(records.length)} parsed corpus articles have no date\n\n`,
  );
  out(
    'Where the store puts them, every article processed now (previous: the store before undated articles were\n',
  );
  out(
    'set apart, which sorted them by processing time; target: none among dated ones, none in a day range).\n\n',
  );
  out(
    `${table(
      ['undated articles', 'previous', 'now'],
      [
        ['first in a newest-first list (of its first places)', of(before.onTop), of(now.onTop)],
        ['above some dated article, newest first', of(before.aboveDated), of(now.aboveDated)],
        ["in the range from = to = today's date", of(before.inToday), of(now.inToday)],
        ['listed by dated=false', of(before.listedUndated), of(now.listedUndated)],
        ['dated articles listed by dated=false', '-', int(now.listedDated ?? 0)],
      ],
      new Set([1, 2]),
    )}\n`,
  );
}
