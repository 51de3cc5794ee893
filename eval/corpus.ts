/**
 * The labelled corpus (../shared/corpus, evaluation only: read at eval/bench time, never bundled) as files an
 * editor could drop, each with its gold labels normalised to one shape. How each set becomes a file, and why,
 * is written down in docs/evaluation.md.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { firstPathSegment, pad2, sameAsSlug, unsegment, vietnamIso } from './corpus-text';

/** For eval/parse-eval.ts, which reads them from here. */
export { sameAsSlug, slugLetters } from './corpus-text';

/** ../shared/corpus beside the project; NEWSDROP_CORPUS_DIR overrides it (the bench's bundled child sets it). */
export const CORPUS_DIR =
  process.env.NEWSDROP_CORPUS_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus');

export interface CorpusGold {
  title?: string;
  /** ISO 8601 with offset (`+07:00`), or `YYYY-MM-DD` when the source has no time of day. */
  publishedAt?: string;
  /** True when the source gives a time of day, so the minute is scored too. */
  hasTime?: boolean;
  url?: string;
  /** A comparable slug: `kinh-doanh`, `giaoduc`. Compare folded (see eval/parse-eval.ts). */
  category?: string;
  keywords?: string[];
  authors?: string[];
  lede?: string;
  /**
   * The title as its URL slug (`vi-sao-chua-xoa-so-…`), where the URL carries one: the only title label for
   * UNC files whose first line is not the title (see docs/evaluation.md). Compare with diacritics,
   * case and punctuation removed.
   */
  titleSlug?: string;
  /**
   * The rejection code a correct parser gives this file (a title and metadata but no text). Such documents
   * are scored on that alone, not on their other fields.
   */
  expectedRejection?: 'no_body';
  /**
   * The article text as the source gives it (paragraphs joined by newlines, captions and byline inline where
   * the source has them), for a word-overlap check of body + captions. See docs/evaluation.md.
   */
  body?: string;
  /** Topic labels (DANeS), for the tagger's evals. */
  topicLabels?: string[];
}

export interface CorpusDoc {
  set: string;
  id: string;
  fileName: string;
  bytes: Uint8Array;
  gold: CorpusGold;
}

export interface LoadCorpusOptions {
  /** Set names (directory names under ../shared/corpus); all labelled sets when omitted. */
  sets?: string[];
  /** The first N documents of each set, in the set's deterministic order. */
  limitPerSet?: number;
}

type SetLoader = (limit: number) => Promise<CorpusDoc[]>;

const utf8 = new TextEncoder();
/** Keeps a leading BOM as U+FEFF so re-encoding writes it back. */
const utf8KeepBom = new TextDecoder('utf-8', { ignoreBOM: true });

async function listFiles(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, keep)));
    else if (keep(entry.name)) out.push(path);
  }
  return out;
}

function stem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.slice(0, name.indexOf('.') === -1 ? undefined : name.indexOf('.'));
}

function nfc(text: string): string {
  return text.normalize('NFC').trim();
}

// ---------------------------------------------------------------------------------------------------------
// unc-dantri: the files as they are.

/** dantri.com.vn article URLs end in `<slug>-<YYYYMMDDhhmmss…>.htm`. */
const DANTRI_SLUG = /\/([a-z0-9-]+?)-\d{14,}\.htm$/;

const loadUnc: SetLoader = async (limit) => {
  const dir = join(CORPUS_DIR, 'unc-dantri', 'dev');
  const files = (await listFiles(dir, (n) => n.endsWith('.txt'))).slice(0, limit);
  return Promise.all(
    files.map(async (path): Promise<CorpusDoc> => {
      const bytes = new Uint8Array(await readFile(path));
      const lines = new TextDecoder().decode(bytes).split('\n');
      const header = (key: string) =>
        lines
          .find((l) => l.startsWith(`# ${key} = `))
          ?.slice(key.length + 5)
          .trim() || undefined;
      const textLines = lines.filter((l) => !l.startsWith('#') && l.trim() !== '');
      const [first, second] = textLines;
      const url = header('url');
      const date = /^(\d{4})(\d{2})(\d{2})$/.exec(header('date') ?? '');
      const slug = url ? DANTRI_SLUG.exec(url)?.[1] : undefined;
      // The README says line 4 is the title; in most files it is the sapo or a caption instead. It is gold
      // only when it spells the URL slug; otherwise the slug is the only title label.
      const hasTitleLine = first !== undefined && slug !== undefined && sameAsSlug(first, slug);
      return {
        set: 'unc-dantri',
        id: stem(path),
        fileName: path.slice(dir.length + 1),
        bytes,
        gold: {
          ...(hasTitleLine ? { title: nfc(first) } : {}),
          ...(slug ? { titleSlug: slug } : {}),
          ...(date ? { publishedAt: `${date[1]}-${date[2]}-${date[3]}`, hasTime: false } : {}),
          ...(url ? { url } : {}),
          ...(url && firstPathSegment(url) ? { category: firstPathSegment(url) } : {}),
          ...(hasTitleLine && second ? { lede: nfc(second) } : {}),
          body: nfc(textLines.slice(hasTitleLine ? 1 : 0).join('\n')),
        },
      };
    }),
  );
};

// ---------------------------------------------------------------------------------------------------------
// vlsp2018-ner: the article with its inline entity tags stripped; BOM and CRLF kept.

const ENAMEX = /<ENAMEX TYPE="[^"]*">|<\/ENAMEX>/g;

const loadVlsp: SetLoader = async (limit) => {
  const dir = join(CORPUS_DIR, 'vlsp2018-ner', 'dev');
  const files = (await listFiles(dir, (n) => /\.(muc|txt)$/.test(n))).slice(0, limit);
  return Promise.all(
    files.map(async (path): Promise<CorpusDoc> => {
      const text = utf8KeepBom.decode(await readFile(path)).replace(ENAMEX, '');
      const title = nfc(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '');
      const id = stem(path);
      return {
        set: 'vlsp2018-ner',
        id,
        fileName: `${id}.txt`,
        bytes: utf8.encode(text),
        gold: {
          ...(title ? { title } : {}),
          body: nfc(
            text
              .split(/\r?\n/)
              .slice(1)
              .filter((l) => l.trim() !== '')
              .join('\n'),
          ),
        },
      };
    }),
  );
};

// ---------------------------------------------------------------------------------------------------------
// ktlab-mds-baomoi: info.txt lines (LINK/TITLE/SUMMARY/TIME, word-segmented as upstream), a blank line, the body.

function infoField(info: string, key: string): string | undefined {
  const line = info.split(/\r?\n/).find((l) => l.startsWith(`${key}:`));
  return line === undefined ? undefined : line.slice(key.length + 1).trim() || undefined;
}

const loadKtlab: SetLoader = async (limit) => {
  const dir = join(CORPUS_DIR, 'ktlab-mds-baomoi', 'dev');
  // Sorted by relative path: cluster directory, then document id.
  const bodies = (await listFiles(dir, (n) => n.endsWith('.body.txt'))).slice(0, limit);
  return Promise.all(
    bodies.map(async (bodyPath): Promise<CorpusDoc> => {
      const infoPath = bodyPath.replace(/\.body\.txt$/, '.info.txt');
      const [info, body] = await Promise.all([readFile(infoPath, 'utf8'), readFile(bodyPath, 'utf8')]);
      const id = stem(bodyPath);
      const link = infoField(info, 'LINK');
      const title = infoField(info, 'TITLE');
      const summary = infoField(info, 'SUMMARY');
      const time = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(infoField(info, 'TIME') ?? '');
      const category = link ? /\/Home\/([^/]+)\//.exec(link)?.[1]?.toLowerCase() : undefined;
      const lines = info
        .split(/\r?\n/)
        .filter((l) => /^(LINK|TITLE|SUMMARY|TIME):/.test(l))
        .join('\n');
      return {
        set: 'ktlab-mds-baomoi',
        id: relative(dir, bodyPath).replace(/\.body\.txt$/, ''),
        fileName: `${id}.txt`,
        bytes: utf8.encode(`${lines}\n\n${body}`),
        gold: {
          ...(title ? { title: nfc(unsegment(title)) } : {}),
          ...(time
            ? {
                publishedAt: `${time[3]}-${pad2(Number(time[2]))}-${pad2(Number(time[1]))}T${pad2(Number(time[4]))}:${time[5]}:00+07:00`,
                hasTime: true,
              }
            : {}),
          ...(link ? { url: link } : {}),
          ...(category ? { category } : {}),
          ...(summary ? { lede: nfc(unsegment(summary)) } : {}),
          body: nfc(body),
        },
      };
    }),
  );
};

// ---------------------------------------------------------------------------------------------------------
// crawl-news-24h: each CSV row as a JSON file.

const NEWS24H_CSV = join(CORPUS_DIR, 'crawl-news-24h', 'dev', '24h_html_categories_vi.dev.csv');

// Site UI text the README documents around 24h bodies ("article saved" notice; source-link stubs): not
// article text, so not in the gold body.
const NEWS24H_CHROME_START =
  /^\s*Lưu bài viết thành công Bạn có thể xem lại bài viết đã lưu ở trangTin bài đã lưu\s*/u;
const NEWS24H_CHROME_END = /(?:\s*Nguồn: \[Link nguồn\])+\s*$/u;

const load24h: SetLoader = async (limit) => {
  const rows = parseCsv(await readFile(NEWS24H_CSV), {
    columns: true,
    bom: true,
    // Records end in CRLF or LF (mixed); a single auto-detected delimiter breaks on the other kind.
    record_delimiter: ['\r\n', '\n'],
  }) as Record<string, string | undefined>[];
  return rows.slice(0, limit).map((row): CorpusDoc => {
    const id = row.id ?? '';
    const title = row.title ?? '';
    const url = (row.url ?? '').trim();
    const keywords = (row.keywords ?? '')
      .split('|')
      .map((k) => k.trim())
      .filter(Boolean);
    const published = row.published_at ?? '';
    // The +00:00 offset is real UTC (checked on dated bulletins and match highlights: docs/evaluation.md).
    const instant = new Date(published);
    const file = {
      title,
      published_at: published,
      url,
      keywords,
      content: row['content.text'] ?? '',
      source: '24h',
    };
    return {
      set: 'crawl-news-24h',
      id,
      fileName: `${id}.json`,
      bytes: utf8.encode(`${JSON.stringify(file, null, 2)}\n`),
      gold: {
        ...(title.trim() ? { title: nfc(title) } : {}),
        ...(Number.isNaN(instant.getTime()) ? {} : { publishedAt: vietnamIso(instant), hasTime: true }),
        ...(url ? { url } : {}),
        ...(firstPathSegment(url) ? { category: firstPathSegment(url) } : {}),
        ...(keywords.length > 0 ? { keywords: keywords.map(nfc) } : {}),
        ...(file.content.trim() === ''
          ? { expectedRejection: 'no_body' as const }
          : { body: nfc(file.content).replace(NEWS24H_CHROME_START, '').replace(NEWS24H_CHROME_END, '') }),
      },
    };
  });
};

// ---------------------------------------------------------------------------------------------------------
// danes: each record as a small JSON file (title, description, url). Checks the JSON path only.

interface DanesRaw {
  id: number;
  annotations?: { from_name?: string; value?: { choices?: string[] } }[];
  data?: { text?: string; meta?: { uri?: string; description?: string } };
}

const DANES_JSON = join(CORPUS_DIR, 'danes', 'dev', 'annotated_data_batch_1.dev.json');

const loadDanes: SetLoader = async (limit) => {
  const records = (JSON.parse(await readFile(DANES_JSON, 'utf8')) as DanesRaw[])
    .slice()
    .sort((a, b) => a.id - b.id)
    .slice(0, limit);
  return records.map((r): CorpusDoc => {
    const title = r.data?.text ?? '';
    const description = r.data?.meta?.description ?? '';
    const url = (r.data?.meta?.uri ?? '').trim();
    const topicLabels = (r.annotations ?? [])
      .filter((a) => a.from_name === 'topic')
      .flatMap((a) => a.value?.choices ?? [])
      .map(nfc);
    return {
      set: 'danes',
      id: String(r.id),
      fileName: `${r.id}.json`,
      bytes: utf8.encode(`${JSON.stringify({ title, description, url }, null, 2)}\n`),
      gold: {
        ...(title.trim() ? { title: nfc(title) } : {}),
        ...(url ? { url } : {}),
        ...(description.trim() ? { lede: nfc(description) } : { expectedRejection: 'no_body' as const }),
        ...(topicLabels.length > 0 ? { topicLabels } : {}),
      },
    };
  });
};

// ---------------------------------------------------------------------------------------------------------

/**
 * A UNC file that has its title line, with that line taken out: the layout of the files that lack one, but
 * with a known title, so restoring the title from the URL slug (diacritics included) can be scored exactly.
 * `null` when the document has no such line.
 */
export function withoutTitleLine(doc: CorpusDoc): CorpusDoc | null {
  const { title, titleSlug } = doc.gold;
  if (title === undefined || titleSlug === undefined) return null;
  const lines = utf8KeepBom.decode(doc.bytes).split('\n');
  const at = lines.findIndex((l) => !l.startsWith('#') && nfc(l) === title);
  if (at === -1) return null;
  const { lede: _lede, ...gold } = doc.gold;
  return { ...doc, bytes: utf8.encode(lines.filter((_, i) => i !== at).join('\n')), gold };
}

/** The labelled sets, in the order every report lists them. */
export const CORPUS_SETS: Readonly<Record<string, SetLoader>> = {
  'unc-dantri': loadUnc,
  'vlsp2018-ner': loadVlsp,
  'ktlab-mds-baomoi': loadKtlab,
  'crawl-news-24h': load24h,
  danes: loadDanes,
};

/** Every labelled document of the chosen sets, in a deterministic order (set order, then path or id). */
export async function loadCorpus(options: LoadCorpusOptions = {}): Promise<CorpusDoc[]> {
  const names = options.sets ?? Object.keys(CORPUS_SETS);
  const unknown = names.filter((n) => !(n in CORPUS_SETS));
  if (unknown.length > 0) {
    throw new Error(
      `unknown corpus set(s): ${unknown.join(', ')}; known: ${Object.keys(CORPUS_SETS).join(', ')}`,
    );
  }
  const limit = options.limitPerSet ?? Number.POSITIVE_INFINITY;
  const out: CorpusDoc[] = [];
  for (const name of Object.keys(CORPUS_SETS)) {
    const load = CORPUS_SETS[name];
    if (load && names.includes(name)) out.push(...(await load(limit)));
  }
  return out;
}
