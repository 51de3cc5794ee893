/**
 * The compiled topic model as shipped: the scorer's hash table and weights, exactly as `compileModel`
 * makes them from topics-model.generated.json, in a table file (../../assets/table-file.ts) that
 * `npm run build:data` writes. Loading views the file's arrays, with no parsing and no logarithms.
 */
import { decodeTableFile, encodeTableFile } from '../../assets/table-file';
import type { IptcCode } from './iptc';
import type { TopicScorer } from './model';

export const TOPICS_TABLE_FORMAT = 'newsdrop-topics-table-1';

interface TopicsTableMeta {
  /** Where the model's training data came from and its licence. */
  credit: string;
  classes: IptcCode[];
}

export function encodeTopicsTable(scorer: TopicScorer, credit: string): Uint8Array {
  const { table } = scorer;
  return encodeTableFile<TopicsTableMeta>(
    TOPICS_TABLE_FORMAT,
    { credit, classes: [...scorer.classes] },
    {
      logPriors: scorer.logPriors,
      keys: table.keys,
      slots: table.slots,
      // Rows past `size` are never read: a feature whose hash was taken left its row unused.
      weights: table.weights.subarray(0, table.size * table.k),
    },
  );
}

export function decodeTopicsTable(file: Uint8Array): TopicScorer {
  const tableFile = decodeTableFile<TopicsTableMeta>(file, TOPICS_TABLE_FORMAT);
  const { classes } = tableFile.meta;
  const k = classes.length;
  const keys = tableFile.array('keys', 'u32');
  const slots = tableFile.array('slots', 'i32');
  const weights = tableFile.array('weights', 'f64');
  const logPriors = tableFile.array('logPriors', 'f64');
  if (keys.length !== slots.length || (keys.length & (keys.length - 1)) !== 0 || logPriors.length !== k) {
    throw new Error(`${TOPICS_TABLE_FORMAT}: sections do not fit together`);
  }
  return {
    classes,
    logPriors,
    table: { keys, slots, mask: keys.length - 1, k, weights, size: weights.length / k },
  };
}
