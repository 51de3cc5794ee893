/**
 * Article ids and the upload prefix: small and dependency-free, so the query side and the config can use
 * them without bundling the parse and tag pipeline.
 */
import { createHash } from 'node:crypto';

/** Prefix that marks the upload area; ids ignore it so a file has one id wherever it sits. */
export const INCOMING_PREFIX = 'incoming/';

/**
 * Stable id of an article: derived from its key alone (without the upload prefix, in NFC), so an
 * overwrite updates the same record, a macOS (NFD) name and its NFC form are one article, and
 * `newsdrop parse FILE` predicts the stored id.
 */
export function articleId(key: string, prefix: string = INCOMING_PREFIX): string {
  const nfc = key.normalize('NFC');
  const head = prefix.normalize('NFC');
  const name = head && nfc.startsWith(head) ? nfc.slice(head.length) : nfc;
  return createHash('sha256').update(name).digest('hex').slice(0, 20);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
