/**
 * The story items' layout and what reads them (see stories.ts for how they are written):
 * - story link: fields of the article item (pk `A#<id>`, sk `#`, items.ts), written in the put that stores
 *   the article: its story (`sid`), `dup`, `etm`, `trm`, `mh`; its version is the item's `wid` (`lid` here);
 * - window digest, pk `W#<block of days>`, sk `<day>#<id>#<version>`: one small item per article version
 *   to look candidates up in (story-digest.ts);
 * - arrival item, pk `R#<hour>`, sk `<arrival ms>#<day>#<id>#<version>`: the same entry again, by its
 *   writer's arrival time, to bring held digest days up to date
 *   (story-digest.ts); expire by TTL (`xp`);
 * - story head, pk `S#<sid>`, sk `#`: `sz` (article count), `mv` (the story it was merged into), and for
 *   the list by last seen (GSI byLastSeen) `lsp`, `ls` (newest article's event time), `mb` (member ids, a hint);
 *   all but `mv` are written by the counter fold (head-fold.ts), so they lag ingest by about a second;
 * - story member, pk `S#<sid>`, sk `M#<id>`.
 * Members are hints: reads check them against the links and follow merge pointers to the live story.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { StoryRef } from '../model/article';
import type { StoryTerms } from '../stories/features';
import { decodeSketch, type Sketch } from '../stories/minhash';
import { idOfPk, MAIN_SK, type MainItem, pkOf, STATE_NAMES, STATE_PROJECTION } from './items';
import type { TableIO, WriteRequest } from './table-io';
export const HEAD_SK = '#';
export const MEMBER = 'M#';
/** The one partition of the byLastSeen index: live story heads. */
export const LIST_PARTITION = 'S';
export const headPk = (sid: string) => `S#${sid}`;
/**
 * How far before a held day's last update an arrival read starts: longer than one trip from an entry's
 * arrival stamp to its write, so an entry written after the update is not missed.
 */
export const RACE_MARGIN_MS = 5 * 60_000;
/**
 * How long a writer's first look may use the digest items as held (brought up to date by any writer of
 * the same store): what the items lack is found by the fold's review (stories.ts `begin`).
 */
export const DIGEST_CACHE_MS = 60_000;
/** How far ahead of this writer's clock another writer's may be: an arrival read reaches that far past its start. */
export const CLOCK_SKEW_MS = 60_000;
/**
 * How long a store holds digest days no look uses, and how long after its last whole read a held day is
 * brought up to date from the arrival items (at most HELD_ITEMS_MS + RACE_MARGIN_MS + CLOCK_SKEW_MS of
 * them, one or two Queries) rather than read whole again (a busy window's days are thousands of items:
 * read once per 30 minutes, not each minute). It also bounds how long an entry whose arrival item was
 * lost stays unseen by a store that holds its day.
 */
export const HELD_ITEMS_MS = 30 * 60_000;
/** Digest days a store holds at most (nine 7-day windows' worth): about 20 MB at 1,000 entries a day. */
export const MAX_HELD_ITEMS = 64;
/** How long an arrival item is kept (its TTL): longer than any arrival read reaches back. */
export const ARRIVAL_KEEP_MS = 2 * 3600_000;

/** Most members a story view reads. */
export const MAX_STORY_MEMBERS = 200;
/** Hops followed from a merged story to the one it lives on in. */
export const MAX_HOPS = 16;
export const MAX_SWAP_ATTEMPTS = 20;

/** An article's story link as the story code handles it: the article item's story fields, `lid` its `wid`. */
export type LinkItem = {
  pk: string;
  seq: string;
  /** The article item's `wid`: every swap of the item (a new version, a story move) changes it. */
  lid: string;
  del?: boolean;
  sid?: string;
  dup?: string;
  etm?: number;
  trm?: string;
  mh?: string;
};

export type HeadItem = {
  pk: string;
  sz?: number;
  mv?: string;
  ls?: number;
  mb?: Set<string>;
};

/** The story link an article item holds (a tombstone's is deleted; one without `sid` is in no story). */
export function linkOf(item: MainItem): LinkItem {
  return {
    pk: item.pk,
    seq: item.seq,
    lid: item.wid,
    ...(item.del && { del: true }),
    ...(item.sid !== undefined && { sid: item.sid }),
    ...(item.dup !== undefined && { dup: item.dup }),
    ...(item.etm !== undefined && { etm: item.etm }),
    ...(item.trm !== undefined && { trm: item.trm }),
    ...(item.mh !== undefined && { mh: item.mh }),
  };
}

/**
 * The member item an article version puts in its story (a hint for story views: checked against the
 * link), or none for a deleted one or one in no story. Its `lid` names the version that put it.
 */
export function memberRequest(item: {
  pk: string;
  wid: string;
  del?: boolean;
  sid?: string;
  etm?: number;
}): WriteRequest[] {
  if (item.del || item.sid === undefined) return [];
  const Item = { pk: headPk(item.sid), sk: `${MEMBER}${idOfPk(item.pk)}`, etm: item.etm, lid: item.wid };
  return [{ PutRequest: { Item } }];
}

/**
 * A link's terms as stored (`trm`): a line per term, the term and its weight apart by a tab, in the terms'
 * order (parsed into a dictionary, not JSON.parse's object with a hidden class per new key: 0.6x the
 * CPU and garbage). JSON, as items written before stored them, when there is no term or a term would
 * not read back (a tab or line break in it, or a `{` opening the first).
 */
export function encodeTerms(terms: StoryTerms): string {
  const lines: string[] = [];
  for (const term in terms) {
    if (/[\t\n]/.test(term) || (lines.length === 0 && term.startsWith('{'))) return JSON.stringify(terms);
    lines.push(`${term}\t${terms[term]}`);
  }
  return lines.length > 0 ? lines.join('\n') : JSON.stringify(terms);
}

/** A link's terms (encodeTerms), also in the JSON form items were written in before. */
export function decodeTerms(text: string): StoryTerms {
  if (text.startsWith('{')) return JSON.parse(text) as StoryTerms;
  const terms: StoryTerms = Object.create(null);
  for (let at = 0; at < text.length; ) {
    const tab = text.indexOf('\t', at);
    const end = text.indexOf('\n', tab);
    const next = end < 0 ? text.length : end;
    terms[text.slice(at, tab)] = Number(text.slice(tab + 1, next));
    at = next + 1;
  }
  return terms;
}

export const isConditionFailure = (err: unknown) =>
  (err as { name?: string }).name === 'ConditionalCheckFailedException';
export const newWriteId = () => randomBytes(8).toString('hex');

/**
 * A new story's id: its founding time (base 36, fixed width) and a hash of the article version, so ids
 * sort oldest first and a redelivered event founds the same story again.
 */
export function newStoryId(time: number, id: string, seq: string): string {
  const at = Math.max(0, Math.round(time)).toString(36).padStart(9, '0');
  return `${at}${createHash('sha256').update(`${id}#${seq}`).digest('hex').slice(0, 8)}`;
}

/**
 * A story's size from its head's (which lags) and its members read: those, when the read took them all
 * (each checked against its link, so exact).
 */
const sizeOf = (head: number, members: number, hinted: number) =>
  hinted < MAX_STORY_MEMBERS ? members : Math.max(head, members);

/** What the store adds to a record from the story items. */
export interface StoryFields {
  story?: StoryRef;
  duplicateOf: string | null;
}

/** A member of a story as lists show it. */
export interface StoryMember {
  id: string;
  time: number;
}

type Key = { pk: string; sk: string };
/**
 * What a pass reads of links and heads: their story attributes alone (LinkItem, HeadItem's `sz` and `mv`).
 * A pass runs in the counter aggregator, where no writer's state reads (STATE_PROJECTION, whose calls
 * straight reads share) are under way; an article item's facets and postings are half its bytes.
 */
export const STORY_PROJECTION = 'pk, seq, wid, del, sid, dup, etm, trm, mh, sz, mv';

const keyText = (key: Key) => `${key.pk}\u0000${key.sk}`;
const membersText = (sid: string) => `${headPk(sid)}\u0000${MEMBER}`;

/**
 * Where story code reads single items (links and heads, in the BatchGetItem calls the state reads share)
 * and stories' members: straight from the table, or through the cache of one fold pass's reviews
 * (`pass`), which reads each key and story once for all of them and parses each link version's terms
 * and sketch once. What this store writes is read again after the write (`writing`: dropped once it is
 * done), so a cached read is one sent after the pass began and after this store's last write of it: what
 * another writer wrote meanwhile it may miss, as a read sent a moment earlier would (stories.ts `begin`).
 */
export class ItemReads {
  private readonly items?: Map<string, Promise<unknown>>;
  private readonly parsedParts?: Map<string, { terms: StoryTerms; sketch: Sketch | null }>;

  constructor(
    private readonly io: TableIO,
    pass = false,
  ) {
    if (pass) {
      this.items = new Map();
      this.parsedParts = new Map();
    }
  }

  get<T extends Record<string, unknown>>(key: Key): Promise<T | undefined> {
    if (!this.items) return this.io.getBatched<T>(key, STATE_PROJECTION, STATE_NAMES);
    return this.cached(keyText(key), () => this.io.getBatched<T>(key, STORY_PROJECTION));
  }

  /** A story's member items (one Query; `read` runs it). */
  members<T>(sid: string, read: () => Promise<T>): Promise<T> {
    return this.cached(membersText(sid), read);
  }

  private cached<T>(id: string, read: () => Promise<T>): Promise<T> {
    if (!this.items) return read();
    const known = this.items.get(id);
    if (known) return known as Promise<T>;
    const got = read();
    this.items.set(id, got);
    got.catch(() => {
      if (this.items!.get(id) === got) this.items!.delete(id);
    });
    return got;
  }

  /**
   * Runs a write by this store of item `key`, or of a member item of stories `memberOf`: what it changes
   * is read again after it.
   */
  async writing<T>(
    what: { key?: Key; memberOf?: (string | undefined)[] },
    write: () => Promise<T>,
  ): Promise<T> {
    const ids = [
      ...(what.key ? [keyText(what.key)] : []),
      ...(what.memberOf ?? []).filter((s) => s !== undefined).map(membersText),
    ];
    // Reads asked before it is done may have been answered before it (as reads sent then): not kept.
    try {
      return await write();
    } finally {
      for (const id of ids) this.items?.delete(id);
    }
  }

  /** A live link's terms and sketch (the same for every read of one version). */
  parts(link: LinkItem): { terms: StoryTerms; sketch: Sketch | null } {
    const id = `${link.pk}#${link.seq}`;
    const known = this.parsedParts?.get(id);
    if (known) return known;
    const parts = {
      terms: decodeTerms(link.trm!),
      sketch: link.mh ? decodeSketch(link.mh) : null,
    };
    this.parsedParts?.set(id, parts);
    return parts;
  }
}

/** Reading stories: merge pointers followed to the live story, an article's story fields, a story's members. */
export class StoryReads {
  /** Single-item reads straight from the table. */
  protected readonly direct: ItemReads;

  constructor(protected readonly io: TableIO) {
    this.direct = new ItemReads(io);
  }

  /** Stories as they live on after merges: each id's root (no `mv`) and the root's size. */
  async resolve(
    sids: Iterable<string>,
    reads: ItemReads = this.direct,
  ): Promise<Map<string, { root: string; size: number }>> {
    const heads = new Map<string, HeadItem | null>();
    let frontier = [...new Set(sids)];
    for (let hop = 0; hop < MAX_HOPS && frontier.length > 0; hop++) {
      // In the calls that read article states and links (same projection).
      const got = (
        await Promise.all(
          frontier.map((s) => reads.get<HeadItem & Record<string, unknown>>({ pk: headPk(s), sk: HEAD_SK })),
        )
      ).filter((h) => h !== undefined);
      for (const s of frontier) heads.set(s, null);
      for (const h of got) heads.set(h.pk.slice(2), h);
      frontier = [...new Set(got.map((h) => h.mv).filter((m): m is string => !!m && !heads.has(m)))];
    }
    const out = new Map<string, { root: string; size: number }>();
    for (const s of new Set(sids)) {
      let root = s;
      for (let hop = 0; hop < MAX_HOPS; hop++) {
        const mv = heads.get(root)?.mv;
        if (!mv) break;
        root = mv;
      }
      out.set(s, { root, size: heads.get(root)?.sz ?? 0 });
    }
    return out;
  }

  /**
   * Story links, read from the article items (consistently, in the BatchGetItem calls the writers'
   * state reads share: same projection).
   */
  protected async readLinks(ids: string[], reads: ItemReads = this.direct): Promise<LinkItem[]> {
    const items = await Promise.all(
      ids.map((id) => reads.get<MainItem & Record<string, unknown>>({ pk: pkOf(id), sk: MAIN_SK })),
    );
    return items.filter((it) => it !== undefined).map(linkOf);
  }

  protected async readLink(id: string, reads: ItemReads = this.direct): Promise<LinkItem | undefined> {
    return (await this.readLinks([id], reads))[0];
  }

  /** Member items of a story (hints: check them against the links). */
  protected async members(sid: string, reads: ItemReads = this.direct): Promise<StoryMember[]> {
    const rows = await reads.members(sid, () =>
      this.io.queryAll<{ sk: string; etm?: number }>(
        {
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :m)',
          ExpressionAttributeValues: { ':p': headPk(sid), ':m': MEMBER },
          ConsistentRead: true,
        },
        MAX_STORY_MEMBERS,
      ),
    );
    return rows.map((r) => ({ id: r.sk.slice(MEMBER.length), time: r.etm ?? 0 }));
  }

  /** The story and duplicate fields of some articles. */
  async fieldsOf(ids: string[]): Promise<Map<string, StoryFields>> {
    const out = new Map<string, StoryFields>();
    if (ids.length === 0) return out;
    const links = await this.io.batchGet<LinkItem>(
      [...new Set(ids)].map((id) => ({ pk: pkOf(id), sk: MAIN_SK })),
      'pk, del, sid, dup',
    );
    const live = links.filter((l) => !l.del && l.sid);
    const roots = await this.resolve(live.map((l) => l.sid!));
    for (const l of live) {
      const r = roots.get(l.sid!)!;
      out.set(l.pk.slice(2), {
        story: { id: r.root, size: Math.max(1, r.size) },
        duplicateOf: l.dup ?? null,
      });
    }
    return out;
  }

  /** A live story's id (following merges) and its current articles, newest first; null when gone. */
  async storyMembers(sid: string): Promise<{ id: string; size: number; members: StoryMember[] } | null> {
    // The head's size lags (head-fold.ts): the members decide whether the story lives.
    const r = (await this.resolve([sid])).get(sid)!;
    const hinted = await this.members(r.root);
    if (hinted.length === 0) return null;
    const links = await this.io.batchGet<LinkItem>(
      hinted.map((m) => ({ pk: pkOf(m.id), sk: MAIN_SK })),
      'pk, del, sid, etm',
    );
    const roots = await this.resolve(links.filter((l) => l.sid).map((l) => l.sid!));
    const members = links
      .filter((l) => !l.del && l.sid && roots.get(l.sid)?.root === r.root)
      .map((l) => ({ id: l.pk.slice(2), time: l.etm ?? 0 }))
      .sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : 1));
    if (members.length === 0) return null;
    return { id: r.root, size: sizeOf(r.size, members.length, hinted.length), members };
  }

  /**
   * storyMembers of several stories at once (for lists): one member query per story, then one read of all
   * their links and one of their stories. Keyed by the ids asked for; stories gone are absent.
   */
  async storiesMembers(
    sids: string[],
  ): Promise<Map<string, { id: string; size: number; members: StoryMember[] }>> {
    const out = new Map<string, { id: string; size: number; members: StoryMember[] }>();
    if (sids.length === 0) return out;
    const roots = await this.resolve(sids);
    const live = [...new Set([...roots.values()].map((r) => r.root))];
    const perRoot = await Promise.all(live.map((root) => this.members(root)));
    const hintedOf = new Map(live.map((root, n) => [root, perRoot[n]!.length]));
    const hinted = perRoot.flat();
    const links = await this.io.batchGet<LinkItem>(
      [...new Set(hinted.map((m) => m.id))].map((id) => ({ pk: pkOf(id), sk: MAIN_SK })),
      'pk, del, sid, etm',
    );
    const linkRoots = await this.resolve(links.filter((l) => !l.del && l.sid).map((l) => l.sid!));
    const byRoot = new Map<string, StoryMember[]>();
    for (const l of links) {
      const root = !l.del && l.sid ? linkRoots.get(l.sid)?.root : undefined;
      if (root === undefined) continue;
      const list = byRoot.get(root) ?? [];
      list.push({ id: l.pk.slice(2), time: l.etm ?? 0 });
      byRoot.set(root, list);
    }
    for (const sid of sids) {
      const r = roots.get(sid)!;
      const members = (byRoot.get(r.root) ?? []).sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : 1));
      if (members.length > 0) {
        out.set(sid, {
          id: r.root,
          size: sizeOf(r.size, members.length, hintedOf.get(r.root) ?? 0),
          members,
        });
      }
    }
    return out;
  }
}
