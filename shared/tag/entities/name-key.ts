/**
 * `nameKey` (../../text/vietnamese), remembered: the recogniser keys the same names many times per article
 * (decoding, resolution, combining), and the key's tone normalisation is the costly part.
 */
import { nameKey } from '../../text/vietnamese';

const keys = new Map<string, string>();
/** Bounds the memory: the table starts over once it holds this many names. */
const MAX_NAMES = 50_000;

export function cachedNameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = nameKey(name);
    if (keys.size >= MAX_NAMES) keys.clear();
    keys.set(name, key);
  }
  return key;
}
