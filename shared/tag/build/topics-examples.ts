/**
 * The training text of the shipped topic model: DANeS (CC BY 4.0) plus the team's own written headlines
 * and ledes (data/text/written/, CC BY 4.0), labelled with a topic by file or by line range in
 * data/topics/written-topics.txt. Shared by the trainer and the eval's DANeS k-fold, so the held-out score
 * measures the model that ships. Build and eval time only; nothing here is bundled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IPTC, type IptcTopicName } from '../topics/iptc';
import type { TopicExample } from './topics-nb';

const DATA_DIR = join(import.meta.dirname, '..', '..', '..', 'data');
export const WRITTEN_TOPICS_FILE = join(DATA_DIR, 'topics', 'written-topics.txt');
const WRITTEN_DIR = join(DATA_DIR, 'text', 'written');

/** One line of the labels file: a file's lines `first..last` (1-based, inclusive) are about `topic`. */
export interface WrittenTopicRange {
  file: string;
  first: number;
  last: number;
  topic: IptcTopicName;
}

/** Reads `file  lines  topic` rows (`lines` is `all`, `N` or `N-M`); `#` starts a comment. */
export function parseWrittenTopics(text: string): WrittenTopicRange[] {
  const out: WrittenTopicRange[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [file, lines, topic, ...rest] = line.split(/\s+/);
    const range = /^(?:all|(\d+)(?:-(\d+))?)$/.exec(lines ?? '');
    if (!file || !range || !topic || rest.length > 0 || !(topic in IPTC))
      throw new Error(`written-topics.txt line ${i + 1}: expected "file  all|N|N-M  topic", got "${line}"`);
    const first = range[1] === undefined ? 1 : Number(range[1]);
    const last = range[1] === undefined ? Number.POSITIVE_INFINITY : Number(range[2] ?? range[1]);
    out.push({ file, first, last, topic: topic as IptcTopicName });
  }
  return out;
}

/** The labelled written lines as examples (comment and blank lines skipped). */
export function writtenExamples(
  ranges: readonly WrittenTopicRange[] = parseWrittenTopics(readFileSync(WRITTEN_TOPICS_FILE, 'utf8')),
  readLines: (file: string) => string[] = (file) =>
    readFileSync(join(WRITTEN_DIR, `${file}.txt`), 'utf8')
      .normalize('NFC')
      .split('\n'),
): TopicExample[] {
  const out: TopicExample[] = [];
  const cache = new Map<string, string[]>();
  for (const { file, first, last, topic } of ranges) {
    let lines = cache.get(file);
    if (lines === undefined) {
      lines = readLines(file);
      cache.set(file, lines);
    }
    if (first > lines.length) throw new Error(`written-topics.txt: ${file} has no line ${first}`);
    for (let n = first; n <= Math.min(last, lines.length); n++) {
      const text = lines[n - 1]!.trim();
      if (text === '' || text.startsWith('#')) continue;
      out.push({ title: '', text, topics: [IPTC[topic]] });
    }
  }
  return out;
}

export function shippedExamples(danes: readonly TopicExample[]): TopicExample[] {
  return [...danes, ...writtenExamples()];
}
