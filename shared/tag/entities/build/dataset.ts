/**
 * Converts the labellers' sources (data/entities/source/**) into labelled records with character
 * offsets (data/entities/entities.jsonl). Pure: inputs are file contents, output is records plus the
 * problems found; a malformed line or mention is reported and skipped, never fatal.
 *
 * Format A (DANeS): `id<TAB>field<TAB>TYPE:surface | …`; every whole-word occurrence of a surface in
 * that text is a mention (whole word: no \w character either side, as /work/team/check_labels.py reads
 * Python's Unicode `\w`). Format B (written): `# doc <id> section=<s>` headers, then paragraphs with
 * inline `[[TYPE:surface]]`, nesting allowed. See docs/annotation.md.
 */
import { createHash } from 'node:crypto';

export type EntityLabel = 'PER' | 'ORG' | 'LOC';
export const ENTITY_LABELS: readonly EntityLabel[] = ['PER', 'ORG', 'LOC'];

export interface LabelledSpan {
  start: number;
  end: number;
  label: EntityLabel;
}

export type Split = 'train' | 'dev' | 'test';

export interface LabelledRecord {
  id: string;
  text: string;
  spans: LabelledSpan[];
  source: 'danes' | 'written';
  /** Written text: the section the document was written for. */
  section?: string;
  licence: 'CC-BY-4.0';
  attribution: string;
  split: Split;
}

export const DANES_ATTRIBUTION =
  'DANeS, DATASET JSC (dataset.vn) & AIV Group, https://github.com/dataset-vn/DANeS';
export const TEAM_ATTRIBUTION = 'newsdrop team';

/** Characters DANeS text carries that break a tab-separated line: each becomes a space. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are the point
const LINE_BREAKERS = /[\t\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]/g;
/** Python's `str.strip()` set (its `isspace`), so texts match the labellers' worklist exactly. */
const PY_SPACE = '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_TRIM = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');

/** DANeS text as the worklist holds it: NFC, line-breaking characters as spaces, trimmed. */
export function normaliseDanesText(raw: string): string {
  return raw.normalize('NFC').replace(LINE_BREAKERS, ' ').replace(PY_TRIM, '');
}

/** The train/dev/test split of a document key: sha1 mod 10, 0–7 train, 8 dev, 9 test. */
export function splitOf(documentKey: string): Split {
  const h = createHash('sha1').update(documentKey).digest();
  const bucket = h.readUInt32BE(0) % 10;
  return bucket < 8 ? 'train' : bucket === 8 ? 'dev' : 'test';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every whole-word occurrence of `surface` in `text`, as [start, end) offsets. */
export function wholeWordOccurrences(text: string, surface: string): [number, number][] {
  if (!surface) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(surface)}(?![\\p{L}\\p{N}_])`, 'gu');
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    // Occurrences may overlap (`A A` in `A A A`): restart one character on.
    re.lastIndex = m.index + 1;
  }
  return out;
}

export interface DanesText {
  /** `danes:<record id>:<field>`. */
  id: string;
  recordId: string;
  field: 'title' | 'lede';
  text: string;
}

interface RawDanes {
  id: number | string;
  data?: { text?: string; meta?: { description?: string } };
}

/** DANeS titles and ledes keyed by `<record id>\t<field>`; texts empty after normalising are left out. */
export function danesTexts(json: string): Map<string, DanesText> {
  const out = new Map<string, DanesText>();
  for (const r of JSON.parse(json) as RawDanes[]) {
    const fields = [
      ['title', r.data?.text ?? ''],
      ['lede', r.data?.meta?.description ?? ''],
    ] as const;
    for (const [field, raw] of fields) {
      const text = normaliseDanesText(raw);
      if (!text) continue;
      const recordId = String(r.id);
      out.set(`${recordId}\t${field}`, { id: `danes:${recordId}:${field}`, recordId, field, text });
    }
  }
  return out;
}

export interface SourceFile {
  /** Path relative to data/entities/source, for messages and stable order. */
  name: string;
  content: string;
}

function isLabel(s: string): s is EntityLabel {
  return (ENTITY_LABELS as readonly string[]).includes(s);
}

function sortSpans(spans: LabelledSpan[]): LabelledSpan[] {
  return spans.sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
}

/** Keeps one span per (start, end); a second label on the same span is a conflict, reported. */
function addSpan(spans: LabelledSpan[], span: LabelledSpan, where: string, problems: string[]): void {
  const same = spans.find((s) => s.start === span.start && s.end === span.end);
  if (!same) spans.push(span);
  else if (same.label !== span.label)
    problems.push(
      `${where}: span ${span.start}-${span.end} labelled both ${same.label} and ${span.label}; kept ${same.label}`,
    );
}

/** Format A files → records over DANeS texts. */
export function convertFormatA(
  files: readonly SourceFile[],
  texts: ReadonlyMap<string, DanesText>,
  problems: string[],
): LabelledRecord[] {
  const out: LabelledRecord[] = [];
  const done = new Set<string>();
  for (const file of files) {
    file.content.split('\n').forEach((line, n) => {
      const where = `${file.name}:${n + 1}`;
      if (!line.trim()) return;
      const cells = line.replace(/\r$/, '').split('\t');
      const [recordId = '', field = ''] = cells;
      const key = `${recordId}\t${field}`;
      const text = texts.get(key);
      if (cells.length > 3 || !text) {
        problems.push(`${where}: not an id<TAB>field<TAB>mentions line of a known DANeS text; skipped`);
        return;
      }
      if (done.has(key)) {
        problems.push(`${where}: ${recordId} ${field} labelled twice; the first is kept`);
        return;
      }
      done.add(key);
      const spans: LabelledSpan[] = [];
      const mentions = (cells[2] ?? '').trim();
      for (const mention of mentions ? mentions.split(' | ') : []) {
        const colon = mention.indexOf(':');
        const label = mention.slice(0, colon).trim();
        const surface = mention.slice(colon + 1).normalize('NFC');
        if (colon < 0 || !isLabel(label)) {
          problems.push(`${where}: bad mention ${JSON.stringify(mention)}; skipped`);
          continue;
        }
        const found = wholeWordOccurrences(text.text, surface);
        if (found.length === 0)
          problems.push(`${where}: ${JSON.stringify(surface)} not found as whole words; skipped`);
        for (const [start, end] of found) addSpan(spans, { start, end, label }, where, problems);
      }
      out.push({
        id: text.id,
        text: text.text,
        spans: sortSpans(spans),
        source: 'danes',
        licence: 'CC-BY-4.0',
        attribution: DANES_ATTRIBUTION,
        split: splitOf(`danes:${recordId}`),
      });
    });
  }
  return out;
}

const HEADER = /^# doc (\S+) section=(\w+)\s*$/;
const OPEN = /^\[\[(PER|ORG|LOC):/;

/** One paragraph's inline markup → plain text and spans, or an error message. */
export function parseInline(line: string): { text: string; spans: LabelledSpan[] } | string {
  let text = '';
  const spans: LabelledSpan[] = [];
  const stack: { label: EntityLabel; start: number }[] = [];
  let i = 0;
  while (i < line.length) {
    if (line.startsWith('[[', i)) {
      const m = OPEN.exec(line.slice(i, i + 7));
      if (!m) return `bad tag at ${JSON.stringify(line.slice(i, i + 20))}`;
      stack.push({ label: m[1] as EntityLabel, start: text.length });
      i += m[0].length;
      continue;
    }
    if (line.startsWith(']]', i) && stack.length > 0) {
      const open = stack.pop() as { label: EntityLabel; start: number };
      // Spaces just inside the brackets are not part of the name.
      let start = open.start;
      let end = text.length;
      while (start < end && /\s/.test(text[start] as string)) start++;
      while (end > start && /\s/.test(text[end - 1] as string)) end--;
      if (end === start) return 'empty tag';
      spans.push({ start, end, label: open.label });
      i += 2;
      continue;
    }
    text += line[i];
    i++;
  }
  if (stack.length > 0) return 'unbalanced tags';
  return { text, spans };
}

/** Format B files → one record per paragraph. */
export function convertFormatB(files: readonly SourceFile[], problems: string[]): LabelledRecord[] {
  const out: LabelledRecord[] = [];
  const seenDocs = new Set<string>();
  for (const file of files) {
    let doc: { id: string; section: string } | null = null;
    let paragraph = 0;
    file.content.split('\n').forEach((raw, n) => {
      const where = `${file.name}:${n + 1}`;
      const line = raw.replace(/\r$/, '');
      if (!line.trim()) return;
      if (line.startsWith('# doc')) {
        const m = HEADER.exec(line);
        if (!m || seenDocs.has(m[1] as string)) {
          problems.push(`${where}: bad or repeated document header; its paragraphs are skipped`);
          doc = null;
          return;
        }
        seenDocs.add(m[1] as string);
        doc = { id: m[1] as string, section: m[2] as string };
        paragraph = 0;
        return;
      }
      if (!doc) {
        problems.push(`${where}: paragraph outside a document; skipped`);
        return;
      }
      const current: { id: string; section: string } = doc;
      paragraph++;
      const parsed = parseInline(line.normalize('NFC'));
      if (typeof parsed === 'string') {
        problems.push(`${where}: ${parsed}; paragraph skipped`);
        return;
      }
      const text = parsed.text.trim();
      const offset = parsed.text.length - parsed.text.trimStart().length;
      const spans: LabelledSpan[] = [];
      for (const s of parsed.spans)
        addSpan(spans, { start: s.start - offset, end: s.end - offset, label: s.label }, where, problems);
      out.push({
        id: `written:${current.id}:${paragraph}`,
        text,
        spans: sortSpans(spans),
        source: 'written',
        section: current.section,
        licence: 'CC-BY-4.0',
        attribution: TEAM_ATTRIBUTION,
        split: splitOf(`written:${current.id}`),
      });
    });
  }
  return out;
}

/** Both formats, in a stable order (DANeS by file, then written by file). */
export function buildDataset(
  danesJson: string,
  formatA: readonly SourceFile[],
  formatB: readonly SourceFile[],
): { records: LabelledRecord[]; problems: string[] } {
  const problems: string[] = [];
  const byName = (a: SourceFile, b: SourceFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const records = [
    ...convertFormatA([...formatA].sort(byName), danesTexts(danesJson), problems),
    ...convertFormatB([...formatB].sort(byName), problems),
  ];
  return { records, problems };
}

/** Sentences in a text, counted as the labellers' checker counts them. */
export function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?…])\s+/).filter((s) => s.trim()).length;
}

export function toJsonl(records: readonly LabelledRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}
