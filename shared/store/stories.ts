import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord } from '../model/article';
import {
  BAND_LOOKUP_LIMIT,
  DEFAULT_STORY_CONFIG,
  type StoryConfig,
  storyTime,
  TERM_LOOKUP_LIMIT,
} from '../stories/config';
import {
  findDuplicateOf,
  rankStories,
  type StoryArticle,
  type StoryCandidate,
  storiesToCount,
} from '../stories/decide';
import { type StoryTerms, storyFeatures } from '../stories/features';
import { bandKeys, bodySketch, decodeSketch, encodeSketch, sketchSimilarity } from '../stories/minhash';
import { regroup, storiesNearby } from '../stories/regroup';
import { storyDeltaRequest } from './head-fold';
import { idOfPk, MAIN_SK, type MainItem, STATE_NAMES, STATE_PROJECTION } from './items';
import {
  DIGEST_ATTR,
  type DigestEntry,
  digestKey,
  encodeEntry,
  lookUpEntries,
  type ParsedDigest,
  parseDigestItem,
  termHash,
  tombstone,
  versionBound,
  windowKeys,
} from './story-digest';
import {
  DIGEST_CACHE_MS,
  HEAD_SK,
  headPk,
  isConditionFailure,
  type LinkItem,
  linkOf,
  MAX_SWAP_ATTEMPTS,
  MEMBER,
  memberRequest,
  newStoryId,
  newWriteId,
  RACE_MARGIN_MS,
  StoryReads,
} from './story-reads';
import type { TableIO } from './table-io';

export class StoryIndex extends StoryReads {
  private readonly windowMs: number;
  /**
   * Digest items this store read lately, parsed, by key, with when they were asked for (wall clock, and
   * the store's read counter) (readDigest).
   */
  private readonly digestCache = new Map<string, DigestRead>();
  /** Digest item reads under way, by key. */
  private readonly digestReads = new Map<
    string,
    { tick: number; entries: Promise<Map<string, DigestEntry[]>> }
  >();
  /** Digest reads asked for so far: a read numbered above n was asked for after the n-th. */
  private digestTicks = 0;
  /** The last parse of each digest item in digestCache, whose unchanged entries the next parse reuses. */
  private readonly parsedDigests = new Map<string, ParsedDigest>();

  constructor(
    io: TableIO,
    private readonly config: StoryConfig = DEFAULT_STORY_CONFIG,
    /** Wall clock (ms) for the arrival items; tests pass a fixed one. */
    private readonly now: () => number = Date.now,
  ) {
    super(io);
    this.windowMs = config.windowHours * 3600_000;
  }

  // ---------------------------------------------------------------- writes

  /**
   * The first look, before the article item is written: the story link fields of a stored article's
   * new version (written in the same put as the article, items.ts), and what the second look needs.
   */
  async plan(record: ArticleRecord, seq: string): Promise<StoryPlan> {
    const time = storyTime(record);
    const features = storyFeatures(record);
    const sketch = bodySketch(record.body);
    const self: StoryArticle = { id: record.id, time, terms: features.terms, sketch };
    const keys = { terms: features.lookup.map(termHash), bands: sketch ? bandKeys(sketch) : [] };
    const started = this.now();
    const window = windowKeys(time, this.windowMs);
    // The first look may read lately read digest items: the second look reads them afresh.
    const entries = await this.readDigest(window, { cached: true });
    const found = this.lookUp(self, keys, entries);
    const first = await this.candidates(self, found, storiesOf(entries, found), entries);
    const dup = findDuplicateOf(self, first, this.config.thresholds.duplicate);
    const ranked = rankStories(self, this.inWindow(self, first), this.config.thresholds, this.windowMs);
    return {
      fields: {
        sid: ranked[0]?.story ?? newStoryId(time, record.id, seq),
        etm: time,
        trm: JSON.stringify(features.terms),
        ...(dup && { dup }),
        ...(sketch && { mh: encodeSketch(sketch) }),
      },
      look: { self, keys, started, window, first, ranked },
    };
  }

  /**
   * After this writer's swap of an article item from `prevItem` to `item` (whose delta item records the
   * story move: counter-fold.ts, and carries the member item: `memberWritten` resolves once it is
   * written): the digest entry, and for a stored article (its story fields from `plan`) the second look.
   * A deleted or rejected version leaves its story.
   */
  async linked(
    prevItem: MainItem | undefined,
    item: MainItem,
    plan?: StoryPlan,
    memberWritten: Promise<void> = Promise.resolve(),
  ): Promise<void> {
    const id = idOfPk(item.pk);
    const prev = prevItem && linkOf(prevItem);
    const next = linkOf(item);
    if (!plan || next.del || !next.sid) {
      await Promise.all([this.dropMember(prev, next), this.writeEntry(id, prev, next), memberWritten]);
      return;
    }
    const { self, keys, started, window, first, ranked } = plan.look;
    const founded = ranked.length === 0;
    // The digest entry goes after the link: whoever finds the entry finds the link it stands for. The
    // member item is written meanwhile; every read of this article's story below starts after it is
    // written, so a merge of the story that missed the member item is seen by them (a merge marks the
    // head before it reads the members) and this article settles itself.
    await Promise.all([this.dropMember(prev, next), this.writeEntry(id, prev, next, keys), memberWritten]);
    const written = this.digestTicks;
    // Second look, at the articles that arrived while this one was on its way (of two racing writers that
    // missed each other's entries, the one that reads last finds the other's) and at the close ones seen
    // before (their stories may have moved).
    const close = new Set(
      first.filter((c) => c.story && ranked.some((r) => r.story === c.story)).map((c) => c.id),
    );
    // A new article that founded a story reads the story's head with the digest (same call): merged away
    // meanwhile, it looks again as a joining article does.
    const shortcut = founded && prev === undefined;
    // Racing: arrived since this article started (with a margin), and found by its look-up keys (those
    // sharing none could not be candidates had they arrived first).
    const [fresh, own] = await Promise.all([
      this.readDigest(window, { askedAfter: written }),
      shortcut ? this.resolve([next.sid!]) : undefined,
    ]);
    const recent = fresh.filter((e) => e.arrived >= started - RACE_MARGIN_MS && e.id !== id);
    const matching = this.lookUp(self, keys, recent);
    const racing = recent.filter((e) => matching.has(e.id));
    // A new article that founded a story still live, with no article racing: nothing to compare again,
    // and whoever merges the story away from now on reads the member item and settles this article. Not
    // so for a new version: its link was reachable by the old version's entry.
    if (shortcut && racing.length === 0 && own?.get(next.sid!)?.root === next.sid) {
      await this.regroupAround(self, next.sid!, first);
      return;
    }
    const again = await this.candidates(
      self,
      new Set([...close, ...racing.map((e) => e.id)]),
      [next.sid, ...first.filter((c) => close.has(c.id)).map((c) => c.story), ...racing.map((e) => e.story)],
      // Sizes as the first look took them, without this article's own entry: its story ranks as before.
      fresh.filter((e) => e.id !== id),
    );
    const againDup = findDuplicateOf(self, [...first, ...again], this.config.thresholds.duplicate);
    if ((againDup ?? undefined) !== next.dup) await this.setDuplicate(next, againDup);
    const rankedAgain = rankStories(self, this.inWindow(self, again), this.config.thresholds, this.windowMs);
    const mine = again.roots?.get(next.sid)?.root ?? next.sid;
    // A founder merges its story with those found now (a racing article of the same new event founded
    // one too); an article that joined a story leaves the rest to the re-decision below.
    const others = founded ? rankedAgain.map((r) => r.story) : [];
    for (const other of others) if (other !== mine) await this.merge(mine, other);
    if (mine !== next.sid || others.some((o) => o !== mine)) await this.settle(id);
    // The neighbours as the second look found them, the stories merged just now named as the one kept.
    const merged = new Set([mine, ...others]);
    const kept = merged.size > 1 ? (await this.resolve([mine])).get(mine)!.root : mine;
    const seen = new Set(again.map((c) => c.id));
    const around = [...again, ...first.filter((c) => !seen.has(c.id))].map((c) =>
      merged.has(c.story) ? { ...c, story: kept } : c,
    );
    await this.regroupAround(self, kept, around);
  }

  /**
   * Re-decides the stories of the article's close neighbours (regroup.ts): reads the members of those
   * stories and of the article's, then merges and moves. Most arrivals have no close neighbour outside
   * their story, and read nothing more.
   */
  private async regroupAround(
    self: StoryArticle,
    story: string,
    candidates: StoryCandidate[],
  ): Promise<void> {
    const { thresholds } = this.config;
    const nearby = storiesNearby(self, story, candidates, thresholds, this.windowMs);
    if (nearby.length === 0) return;
    const stories = [story, ...nearby];
    const listed = await Promise.all(stories.map((s) => this.members(s)));
    const known = new Set(candidates.map((c) => c.id));
    const unread = listed
      .flat()
      .filter((m) => !known.has(m.id) && Math.abs(m.time - self.time) <= this.windowMs)
      .map((m) => m.id);
    const read = await this.candidates(self, new Set(unread), stories);
    // A story's size as read: its members in the window (the article's own not yet counting it).
    const sizes = new Map(
      stories.map((s, i) => [
        s,
        listed[i]!.filter((m) => m.id !== self.id && Math.abs(m.time - self.time) <= this.windowMs).length,
      ]),
    );
    const around = [...candidates, ...read].map((c) => ({
      ...c,
      storySize: Math.max(c.storySize ?? 0, sizes.get(c.story) ?? 0),
    }));
    const decided = regroup(self, story, around, thresholds, this.windowMs);
    for (const other of decided.merges) await this.merge(story, other);
    for (const m of decided.moves) await this.move(m.id, m.from, story);
    if (decided.merges.length > 0) await this.settle(self.id);
  }

  /**
   * Moves an article from one story to another, unless it is no longer in the first (its writer or
   * another arrival moved it meanwhile): the same conditional swap as settle (relink). True when it moved.
   * A merge of the target that missed the new member item is caught by settling after it (merges mark
   * the story, then read its members).
   */
  protected async move(id: string, from: string, to: string): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const link = await this.readLink(id);
      if (!link || link.del || !link.sid) return false;
      const roots = await this.resolve([link.sid, from, to]);
      const target = roots.get(to)!.root;
      const now = roots.get(link.sid)!.root;
      if (now !== roots.get(from)!.root || now === target) return false;
      if (await this.relink(link, target)) {
        if ((await this.resolve([target])).get(target)!.root !== target) await this.settle(id);
        return true;
      }
    }
    return false;
  }

  private inWindow(self: StoryArticle, candidates: StoryCandidate[]): StoryCandidate[] {
    return candidates.filter((c) => Math.abs(c.time - self.time) <= this.windowMs);
  }

  /**
   * The digest entries of some digest items, read in calls shared with the other writers. `cached`
   * takes the items this store read within DIGEST_CACHE_MS instead: what they lack was written since, so
   * it arrived within RACE_MARGIN_MS of this article's start and its second look (never cached) finds it.
   * `askedAfter` takes, for an item, any read of it (finished or under way) asked for after the read
   * counter stood at that value: a second look needs only a read that began after its own entry was
   * written (of two racing writers, the one whose read began last finds the other's entry), and in a
   * burst the writers' second looks share one.
   */
  private async readDigest(
    keys: { pk: string; sk: string }[],
    options: { cached?: boolean; askedAfter?: number } = {},
  ): Promise<DigestEntry[]> {
    const asked = this.now();
    const tick = ++this.digestTicks;
    for (const [pk, c] of this.digestCache) {
      if (c.at >= asked - DIGEST_CACHE_MS) continue;
      this.digestCache.delete(pk);
      this.parsedDigests.delete(pk);
    }
    const after = options.askedAfter;
    const got = new Map<string, DigestEntry[] | Promise<Map<string, DigestEntry[]>>>();
    const read: { pk: string; sk: string }[] = [];
    for (const k of keys) {
      const known = this.digestCache.get(k.pk);
      const under = this.digestReads.get(k.pk);
      if (known && (options.cached || (after !== undefined && known.tick > after)))
        got.set(k.pk, known.entries);
      else if (under && after !== undefined && under.tick > after) got.set(k.pk, under.entries);
      else read.push(k);
    }
    if (read.length > 0) {
      const entries = this.readDigestItems(read).then((items) => {
        const byPk = new Map(items.map((it) => [it.pk as string, it]));
        return new Map(
          read.map((k) => {
            const { entries, parsed } = parseDigestItem(byPk.get(k.pk), this.parsedDigests.get(k.pk));
            this.parsedDigests.set(k.pk, parsed);
            return [k.pk, entries];
          }),
        );
      });
      for (const k of read) {
        got.set(k.pk, entries);
        this.digestReads.set(k.pk, { tick, entries });
      }
      try {
        for (const [pk, parsed] of await entries) {
          const known = this.digestCache.get(pk);
          if (!known || known.tick < tick) this.digestCache.set(pk, { at: asked, tick, entries: parsed });
        }
      } finally {
        for (const k of read) if (this.digestReads.get(k.pk)?.tick === tick) this.digestReads.delete(k.pk);
      }
    }
    const out: DigestEntry[] = [];
    for (const k of keys) {
      const g = got.get(k.pk)!;
      out.push(...(Array.isArray(g) ? g : ((await g).get(k.pk) ?? [])));
    }
    return out;
  }

  /** Ids of the articles sharing a look-up key: terms in the window, bands in the days read. */
  private lookUp(
    self: StoryArticle,
    keys: { terms: string[]; bands: string[] },
    entries: DigestEntry[],
  ): Set<string> {
    return lookUpEntries(entries, { id: self.id, time: self.time, ...keys }, this.windowMs, {
      termLimit: TERM_LOOKUP_LIMIT,
      bandLimit: BAND_LOOKUP_LIMIT,
    });
  }

  /**
   * Writes the version's digest entry (a tombstone for a deleted one), and a tombstone where the version
   * it replaced had its entry on another day. Each write is kept only if no newer version's is there:
   * versions finishing out of order leave the newest one's entry.
   */
  private async writeEntry(
    id: string,
    prev: LinkItem | undefined,
    next: LinkItem,
    keys?: { terms: string[]; bands: string[] },
  ): Promise<void> {
    const writes: Promise<void>[] = [];
    const here = next.del || next.etm === undefined ? undefined : digestKey(id, next.etm);
    if (here && keys) {
      const value = encodeEntry({
        seq: next.seq,
        time: next.etm!,
        arrived: this.now(),
        story: next.sid!,
        ...keys,
      });
      writes.push(this.setEntry(here, id, value, next.seq));
    }
    const before = prev && !prev.del && prev.etm !== undefined ? digestKey(id, prev.etm) : undefined;
    if (before && before.pk !== here?.pk)
      writes.push(this.setEntry(before, id, tombstone(next.seq), next.seq));
    await Promise.all(writes);
  }

  /**
   * Sets an article's entry in a digest item's map; creates the map with it when the item has none. The
   * create goes first when this store's last read of the item found no entry (a new day's item): one
   * request either way, as a rule.
   */
  private async setEntry(
    key: { pk: string; sk: string },
    id: string,
    value: string,
    seq: string,
  ): Promise<void> {
    let create = this.digestCache.get(key.pk)?.entries.length === 0;
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      try {
        await this.io.doc.send(
          create
            ? new UpdateCommand({
                TableName: this.io.table,
                Key: key,
                UpdateExpression: 'SET #d = :m',
                ConditionExpression: 'attribute_not_exists(#d)',
                ExpressionAttributeNames: { '#d': DIGEST_ATTR },
                ExpressionAttributeValues: { ':m': { [id]: value } },
              })
            : new UpdateCommand({
                TableName: this.io.table,
                Key: key,
                UpdateExpression: 'SET #d.#e = :e',
                ConditionExpression: 'attribute_not_exists(#d.#e) OR #d.#e < :newest',
                ExpressionAttributeNames: { '#d': DIGEST_ATTR, '#e': id },
                ExpressionAttributeValues: { ':e': value, ':newest': versionBound(seq) },
              }),
        );
        return;
      } catch (err) {
        if (!isConditionFailure(err) && !isMissingPath(err)) throw err;
        // The map is there (another writer created it): set the entry in it. Or a newer version's entry is.
        if (create) create = false;
        else if (isConditionFailure(err)) return;
        // The item (or its map) is not there yet: create it with this entry.
        else create = true;
      }
    }
    throw new Error(`digest ${key.pk}: its entry map keeps changing under other writers`);
  }

  /** Digest items by key, in the BatchGetItem calls of the writers' state reads (same projection). */
  private async readDigestItems(keys: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
    const items = await Promise.all(
      keys.map((k) => this.io.getBatched<Record<string, unknown>>(k, STATE_PROJECTION, STATE_NAMES)),
    );
    return items.filter((it) => it !== undefined);
  }

  /**
   * The live articles among `ids`, in their live stories. `alsoResolve` stories are resolved with them,
   * read together with the links (the stories the digest gives for `ids` save a round trip: a link
   * that names another story has it resolved after). A story's size is its head's, which lags ingest
   * (head-fold.ts), or, when larger, the digest entries read (`entries`) that name it or a story
   * resolved into it: those arrived since the last fold are counted too.
   */
  private async candidates(
    self: StoryArticle,
    ids: Set<string>,
    alsoResolve: string[] = [],
    entries: readonly DigestEntry[] = [],
  ): Promise<StoryCandidate[] & { roots?: Map<string, { root: string; size: number }> }> {
    ids.delete(self.id);
    const [links, roots] = await Promise.all([
      this.readLinks([...ids]),
      alsoResolve.length > 0 ? this.resolve(alsoResolve) : new Map<string, { root: string; size: number }>(),
    ]);
    const live = links.filter((l) => !l.del && l.sid && l.trm && l.etm !== undefined);
    const unresolved = live.map((l) => l.sid!).filter((sid) => !roots.has(sid));
    if (unresolved.length > 0) for (const [sid, r] of await this.resolve(unresolved)) roots.set(sid, r);
    const listed = new Map<string, number>();
    for (const e of entries) {
      const root = roots.get(e.story)?.root;
      if (root !== undefined) listed.set(root, (listed.get(root) ?? 0) + 1);
    }
    const found: StoryCandidate[] & { roots?: Map<string, { root: string; size: number }> } = live.map(
      (l) => {
        const r = roots.get(l.sid!);
        const story = r?.root ?? l.sid!;
        return {
          id: l.pk.slice(2),
          time: l.etm!,
          terms: JSON.parse(l.trm!) as StoryTerms,
          sketch: l.mh ? decodeSketch(l.mh) : null,
          story,
          storySize: Math.max(r?.size ?? 0, listed.get(story) ?? 0),
        };
      },
    );
    // Stories whose older members would dilute the mean: their size in this article's window instead.
    for (const story of storiesToCount(self, found, this.config.thresholds, this.windowMs)) {
      const members = await this.members(story);
      const size = members.filter((m) => Math.abs(m.time - self.time) <= this.windowMs).length;
      for (const c of found) if (c.story === story) c.storySize = Math.max(1, size);
    }
    found.roots = roots;
    return found;
  }

  /**
   * Moves an article into story `sid` if its article item is still the version `link` was read from
   * (by `lid`, its `wid`): one conditional UpdateItem of the item's `sid` and `wid`, then the member items
   * and the move's delta item. Returns the new link, or null when the item changed meanwhile (its
   * writer decided afresh: read it again).
   */
  async relink(link: LinkItem, sid: string): Promise<LinkItem | null> {
    const next: LinkItem = { ...link, sid, lid: newWriteId() };
    try {
      await this.io.doc.send(
        new UpdateCommand({
          TableName: this.io.table,
          Key: { pk: link.pk, sk: MAIN_SK },
          UpdateExpression: 'SET sid = :sid, wid = :next',
          ConditionExpression: 'wid = :wid',
          ExpressionAttributeValues: { ':sid': sid, ':next': next.lid, ':wid': link.lid },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return null;
    }
    const delta = storyDeltaRequest(link, next);
    await this.io.batchWrite([...memberRequest({ ...next, wid: next.lid }), ...(delta ? [delta] : [])]);
    await this.dropMember(link, next);
    return next;
  }

  private async setDuplicate(link: LinkItem, dup: string | null): Promise<void> {
    try {
      await this.io.doc.send(
        new UpdateCommand({
          TableName: this.io.table,
          Key: { pk: link.pk, sk: MAIN_SK },
          UpdateExpression: dup ? 'SET dup = :dup' : 'REMOVE dup',
          ConditionExpression: 'wid = :wid',
          ExpressionAttributeValues: { ':wid': link.lid, ...(dup && { ':dup': dup }) },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err; // replaced meanwhile: its writer decided afresh
    }
  }

  /**
   * For the one transition a swap made: the member item of the story the article left is deleted (the one
   * it joined is put with the swap's delta item). Writers of one article's successive swaps may get here
   * in any order, so a member item may be put again after the move away from its story: the delete is
   * conditional on the link version that put it (`lid`).
   */
  private async dropMember(prev: LinkItem | undefined, next: LinkItem): Promise<void> {
    const before = prev && !prev.del ? prev.sid : undefined;
    const after = next.del ? undefined : next.sid;
    if (!before || before === after) return;
    try {
      await this.io.doc.send(
        new DeleteCommand({
          TableName: this.io.table,
          Key: { pk: headPk(before), sk: `${MEMBER}${idOfPk(next.pk)}` },
          ConditionExpression: 'lid = :lid',
          ExpressionAttributeValues: { ':lid': prev!.lid },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err; // the article came back to this story meanwhile
    }
  }

  /** Merges two stories toward the smaller id: the larger one's head points at it, its members move. */
  private async merge(a: string, b: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const roots = await this.resolve([a, b]);
      const ra = roots.get(a)!.root;
      const rb = roots.get(b)!.root;
      if (ra === rb) return;
      const [target, source] = ra < rb ? [ra, rb] : [rb, ra];
      try {
        await this.io.doc.send(
          new UpdateCommand({
            TableName: this.io.table,
            Key: { pk: headPk(source), sk: HEAD_SK },
            UpdateExpression: 'SET mv = :to REMOVE lsp',
            ConditionExpression: 'attribute_not_exists(mv)',
            ExpressionAttributeValues: { ':to': target },
          }),
        );
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        continue; // merged into another meanwhile: look again
      }
      for (const m of await this.members(source)) await this.settle(m.id);
      return;
    }
  }

  /**
   * Moves an article whose story was merged away into the story it lives on in. After a move it looks
   * again: a merge of that story may have read its members before the move's member item was written.
   */
  private async settle(id: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const link = await this.readLink(id);
      if (!link || link.del || !link.sid) return;
      const root = (await this.resolve([link.sid])).get(link.sid)!.root;
      if (root === link.sid) return;
      await this.relink(link, root);
    }
  }

  // ---------------------------------------------------------------- reads

  /** Live articles with the same text as this one (by sketch), earliest first. */
  async copiesOf(id: string): Promise<string[]> {
    const link = await this.readLink(id);
    if (!link || link.del || !link.mh || link.etm === undefined) return [];
    const self: StoryArticle = { id, time: link.etm, terms: {}, sketch: decodeSketch(link.mh) };
    const keys = { terms: [], bands: bandKeys(self.sketch!) };
    const entries = await this.readDigest(windowKeys(link.etm, this.windowMs));
    const ids = this.lookUp(self, keys, entries);
    const found = await this.candidates(self, ids, storiesOf(entries, ids));
    return found
      .filter((c) => c.sketch && sketchSimilarity(self.sketch!, c.sketch) >= this.config.thresholds.duplicate)
      .sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1))
      .map((c) => c.id);
  }
}

/** What the first look decided for an article version (StoryIndex.plan), and what its second look needs. */
export interface StoryPlan {
  /** The story link fields its article item is written with. */
  fields: Required<Pick<LinkItem, 'sid' | 'etm' | 'trm'>> & Pick<LinkItem, 'dup' | 'mh'>;
  look: {
    self: StoryArticle;
    keys: { terms: string[]; bands: string[] };
    /** When the first look started (ms). */
    started: number;
    window: { pk: string; sk: string }[];
    first: StoryCandidate[];
    ranked: ReturnType<typeof rankStories>;
  };
}

/** A digest item as read: its entries, when it was asked for (ms) and its place in the store's reads. */
interface DigestRead {
  at: number;
  tick: number;
  entries: DigestEntry[];
}

/** An update of a map entry whose map is not there (DynamoDB: the document path is invalid). */
const isMissingPath = (err: unknown) =>
  (err as { name?: string }).name === 'ValidationException' &&
  /document path/i.test((err as { message?: string }).message ?? '');

/** The stories the digest entries give for some articles. */
function storiesOf(entries: readonly DigestEntry[], ids: Set<string>): string[] {
  return [...new Set(entries.filter((e) => ids.has(e.id)).map((e) => e.story))];
}
