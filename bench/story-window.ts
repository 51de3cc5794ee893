/**
 * A story window as production has it, for bench row 7: articles arrive roughly in event order, hundreds
 * a day, into a window already holding thousands of other articles' digest entries. The row's corpus
 * articles span years of event time, so without this each one's window is nearly empty.
 *
 * The one place the bench knows the store's story layout: the window's entries are written with the
 * store's own exported helpers (digestKey, encodeEntry, termHash, inWindowDays; ENTRY_ATTR), so a change
 * of layout changes them too. Entries are of other articles that arrived long before (digest items only:
 * their arrival items have expired), with as many look-up terms and sketch bands as the bench's records
 * have, but hashed apart so they match none of them.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord } from '../shared/model/article';
import { articleId } from '../shared/model/article-id';
import { normalizeSequencer } from '../shared/store/sequencer';
import { digestKey, ENTRY_ATTR, encodeEntry, inWindowDays, termHash } from '../shared/store/story-digest';
import { newStoryId } from '../shared/store/story-reads';
import { storyFeatures } from '../shared/stories/features';
import { bandKeys, bodySketch } from '../shared/stories/minhash';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * New event times for articles that arrive in event order: the articles ordered by `times` (ties keep
 * their order), spread evenly over `spanMs` from `start`. Returns that order (indices into `times`) and
 * each article's new time, by its index.
 */
export function retimeInOrder(
  times: readonly number[],
  start: number,
  spanMs: number,
): { order: number[]; times: number[] } {
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
  const out = new Array<number>(times.length);
  const step = order.length > 1 ? spanMs / (order.length - 1) : 0;
  order.forEach((i, k) => {
    out[i] = start + Math.round(k * step);
  });
  return { order, times: out };
}

/** The digest items of a filled window (one per entry): keys and entries, ready to put into any table. */
export interface FilledWindow {
  items: Record<string, unknown>[];
  entries: number;
}

/**
 * `count` digest entries of other articles spread evenly over the event times of the digest items that
 * the windows of `from`…`to` read, each modelled on one of `records` (its numbers of look-up terms and
 * bands), written as arrived a day before the earliest of them.
 */
export function fillWindow(
  records: readonly ArticleRecord[],
  window: { from: number; to: number; windowMs: number; count: number },
): FilledWindow {
  const read = (t: number) =>
    inWindowDays(window.from, t, window.windowMs) || inWindowDays(window.to, t, window.windowMs);
  // The event times those items hold, to the minute (their edges are a layout's: asked, not assumed).
  let lo = window.from - window.windowMs;
  while (read(lo - MINUTE_MS)) lo -= MINUTE_MS;
  while (!read(lo)) lo += MINUTE_MS;
  let hi = window.to + window.windowMs;
  while (read(hi + MINUTE_MS)) hi += MINUTE_MS;
  while (!read(hi)) hi -= MINUTE_MS;
  const arrived = lo - DAY_MS;
  const templates = records.map((r) => ({
    terms: storyFeatures(r).lookup,
    sketch: bodySketch(r.body),
  }));
  const items: Record<string, unknown>[] = [];
  for (let j = 0; j < window.count; j++) {
    const time = lo + Math.floor(((j + 0.5) * (hi - lo)) / window.count);
    const id = articleId(`bench-window/${j}`);
    const seq = normalizeSequencer((j + 1).toString(16));
    const model = templates[j % templates.length]!;
    // Another article's keys: the same numbers of terms and bands as a real one, hashed apart.
    const salt = Math.imul(j + 1, 0x9e3779b1) >>> 0;
    const value = encodeEntry({
      seq,
      time,
      arrived,
      story: newStoryId(time, id, seq),
      terms: model.terms.map((t) => termHash(`${t}\u0000${j}`)),
      bands: model.sketch ? bandKeys(model.sketch.map((v) => (v ^ salt) >>> 0)) : [],
    });
    items.push({ ...digestKey(id, time, seq), [ENTRY_ATTR]: value });
  }
  return { items, entries: window.count };
}

/** Puts a filled window's digest items into a table. */
export async function putWindow(
  doc: DynamoDBDocumentClient,
  table: string,
  window: FilledWindow,
): Promise<void> {
  for (let i = 0; i < window.items.length; i += 25) {
    let pending = window.items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const res = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (res.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  }
}
