/**
 * Reads DANeS (CC BY 4.0: DANeS, DATASET JSC (dataset.vn) & AIV Group, https://github.com/dataset-vn/DANeS)
 * from the team corpus folder. Build and eval time only; nothing here is bundled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IptcCode } from '../topics/iptc';
import { CORPUS_DIR } from './corpus-dir';
import { DANES_LABELS, mapLabel } from './topic-mapping';
import type { TopicExample } from './topics-nb';

export const DANES_FILE = join(CORPUS_DIR, 'danes', 'dev', 'annotated_data_batch_1.dev.json');

export interface DanesRecord {
  id: number;
  title: string;
  description: string;
  url: string | null;
  labels: string[];
}

interface RawRecord {
  id: number;
  annotations?: { from_name?: string; value?: { choices?: string[] } }[];
  data?: { text?: string; meta?: { uri?: string; description?: string } };
}

export function readDanes(file = DANES_FILE): DanesRecord[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawRecord[];
  return raw.map((r) => ({
    id: r.id,
    title: (r.data?.text ?? '').normalize('NFC'),
    description: (r.data?.meta?.description ?? '').normalize('NFC'),
    url: r.data?.meta?.uri ?? null,
    labels: (r.annotations ?? [])
      .filter((a) => a.from_name === 'topic')
      .flatMap((a) => a.value?.choices ?? [])
      .map((l) => l.normalize('NFC')),
  }));
}

/** The IPTC codes of a record's labels (labels that are not subjects are dropped). */
export function danesTopics(record: DanesRecord): IptcCode[] {
  const codes = new Set<IptcCode>();
  for (const label of record.labels) {
    const mapping = mapLabel(DANES_LABELS, label);
    if (mapping === undefined)
      throw new Error(`DANeS label not in shared/tag/build/topic-mapping.ts: ${label}`);
    if (mapping) codes.add(mapping.primary);
  }
  return [...codes];
}

export function danesExamples(records: readonly DanesRecord[]): TopicExample[] {
  return records.map((r) => ({ title: r.title, text: r.description, topics: danesTopics(r) }));
}
