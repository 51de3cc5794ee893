/**
 * Story heads rebuilt from the article items (`newsdrop reindex --recount`). Heads are written only by
 * folds of the writers' story moves (head-fold.ts), so a move whose delta item was never written (a writer
 * that died between its article item's swap and its delta: the redelivered event replaces the item with
 * the same story and sees no move) is never counted. The recount reads every article item's link and
 * every story head and member item in one scan, and sets each live story's head to what its links say:
 * size, last seen, list entry and member hints; a head no link reaches any more is deleted, and an
 * article's missing member item is put again. Heads merged away (`mv`) are left alone: links that still
 * name them count in the story they were merged into, as reads resolve them.
 *
 * Like the counter recount, it writes absolute values: run it after a fold (which it does not do itself)
 * and when ingest is quiet, or a fold of moves made meanwhile may be counted twice.
 */
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { idOfPk, MAIN_SK } from './items';
import {
  HEAD_SK,
  headPk,
  isConditionFailure,
  LIST_PARTITION,
  MAX_HOPS,
  MEMBER,
  memberRequest,
} from './story-reads';
import type { TableIO } from './table-io';

interface ScannedItem {
  pk: string;
  sk: string;
  // article item
  del?: boolean;
  sid?: string;
  etm?: number;
  wid?: string;
  // story head
  mv?: string;
  sz?: number;
  ls?: number;
  lsp?: string;
  mb?: Set<string>;
}

/** What a story's head should hold: its live articles (by link, merges followed) and the newest time. */
interface StoryTruth {
  ids: Set<string>;
  ls?: number;
}

/** Rebuilds the story heads and member items from the links; returns how many items it corrected. */
export async function recountStoryHeads(io: TableIO): Promise<number> {
  const links: ScannedItem[] = [];
  const heads = new Map<string, ScannedItem>();
  const members = new Set<string>();
  for await (const page of io.scanPages<ScannedItem>({
    FilterExpression: '(begins_with(pk, :article) AND sk = :main) OR begins_with(pk, :story)',
    ProjectionExpression: 'pk, sk, del, sid, etm, wid, mv, sz, ls, lsp, mb',
    ExpressionAttributeValues: { ':article': 'A#', ':main': MAIN_SK, ':story': 'S#' },
  })) {
    for (const it of page) {
      if (it.pk.startsWith('A#')) {
        if (!it.del && it.sid !== undefined) links.push(it);
      } else if (it.sk === HEAD_SK) heads.set(it.pk.slice(2), it);
      else if (it.sk.startsWith(MEMBER)) members.add(`${it.pk}\u0000${it.sk}`);
    }
  }

  const rootOf = (sid: string) => {
    let root = sid;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const mv = heads.get(root)?.mv;
      if (!mv) break;
      root = mv;
    }
    return root;
  };
  const truth = new Map<string, StoryTruth>();
  let changed = 0;
  const missing = [];
  for (const link of links) {
    const root = rootOf(link.sid!);
    const story = truth.get(root) ?? { ids: new Set<string>() };
    truth.set(root, story);
    story.ids.add(idOfPk(link.pk));
    if (link.etm !== undefined) story.ls = Math.max(story.ls ?? link.etm, link.etm);
    if (!members.has(`${headPk(link.sid!)}\u0000${MEMBER}${idOfPk(link.pk)}`) && link.wid !== undefined)
      missing.push(...memberRequest({ pk: link.pk, wid: link.wid, sid: link.sid!, etm: link.etm }));
  }
  await io.batchWrite(missing);
  changed += missing.length;

  for (const [sid, story] of truth) {
    const head = heads.get(sid);
    if (head && sameHead(head, story)) continue;
    if (await setHead(io, sid, story)) changed++;
  }
  for (const [sid, head] of heads) {
    if (head.mv !== undefined || truth.has(sid)) continue;
    try {
      await io.doc.send(
        new DeleteCommand({
          TableName: io.table,
          Key: { pk: headPk(sid), sk: HEAD_SK },
          ConditionExpression: 'attribute_not_exists(mv)',
        }),
      );
      changed++;
    } catch (err) {
      if (!isConditionFailure(err)) throw err; // merged away meanwhile
    }
  }
  return changed;
}

function sameHead(head: ScannedItem, story: StoryTruth): boolean {
  const listed = story.ls !== undefined;
  return (
    head.mv === undefined &&
    head.sz === story.ids.size &&
    head.ls === story.ls &&
    (head.lsp === LIST_PARTITION) === listed &&
    head.mb !== undefined &&
    head.mb.size === story.ids.size &&
    [...story.ids].every((id) => head.mb!.has(id))
  );
}

/** Sets a live story's head from its links (as a fold would write it); false if it was merged away. */
async function setHead(io: TableIO, sid: string, story: StoryTruth): Promise<boolean> {
  const listed = story.ls !== undefined;
  try {
    await io.doc.send(
      new UpdateCommand({
        TableName: io.table,
        Key: { pk: headPk(sid), sk: HEAD_SK },
        UpdateExpression: listed
          ? 'SET sz = :sz, mb = :mb, ls = :ls, lsp = :p'
          : 'SET sz = :sz, mb = :mb REMOVE lsp',
        ConditionExpression: 'attribute_not_exists(mv)',
        ExpressionAttributeValues: {
          ':sz': story.ids.size,
          ':mb': story.ids,
          ...(listed && { ':ls': story.ls, ':p': LIST_PARTITION }),
        },
      }),
    );
    return true;
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    return false;
  }
}
