import { DeleteCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
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
import { storyFeatures } from '../stories/features';
import { bandKeys, bodySketch, decodeSketch, encodeSketch, sketchSimilarity } from '../stories/minhash';
import { regroup, regrouped, split, splitNeeded, storiesNearby } from '../stories/regroup';
import type { ReviewMark } from './counter-fold';
import { storyDeltaRequest } from './head-fold';
import { idOfPk, MAIN_SK, type MainItem } from './items';
import { SharedArrivalReads } from './story-arrivals';
import {
  ARRIVAL_EXPIRY_ATTR,
  type ArrivalEntry,
  arrivalKey,
  arrivalQueries,
  DigestDayView,
  type DigestEntry,
  dayKey,
  dayOfKey,
  dayQueries,
  dayRange,
  digestKey,
  ENTRY_ATTR,
  encodeEntry,
  lookUpHeld,
  parseArrivalItem,
  parseDigestItem,
  termHash,
  tombstone,
  windowDays,
} from './story-digest';
import {
  ARRIVAL_KEEP_MS,
  CLOCK_SKEW_MS,
  DIGEST_CACHE_MS,
  encodeTerms,
  HEAD_SK,
  HELD_ITEMS_MS,
  headPk,
  ItemReads,
  isConditionFailure,
  type LinkItem,
  linkOf,
  MAX_HELD_ITEMS,
  MAX_SWAP_ATTEMPTS,
  MEMBER,
  memberRequest,
  newStoryId,
  newWriteId,
  RACE_MARGIN_MS,
  StoryReads,
} from './story-reads';
import type { TableIO, WriteRequest } from './table-io';

export class StoryIndex extends StoryReads {
  private readonly windowMs: number;
  /**
   * The window digest as this store holds it: its days by key (`W#<day>`), parsed and indexed, each
   * holding every entry written before its `syncedAt`. Brought up to date from the arrival items (windowItems).
   */
  private readonly held = new Map<string, DigestDayView>();
  /** Reads bringing held days up to date, under way, by day, with when they were asked for. */
  private readonly refreshing = new Map<string, { asked: number; done: Promise<void> }>();
  /** Reads of the arrival items, shared by this store's looks and reviews (held days brought up to date). */
  private readonly arrivals: SharedArrivalReads<ArrivalEntry>;

  constructor(
    io: TableIO,
    private readonly config: StoryConfig = DEFAULT_STORY_CONFIG,
    /** Wall clock (ms) for the arrival items; tests pass a fixed one. */
    private readonly now: () => number = Date.now,
  ) {
    super(io);
    this.windowMs = config.windowHours * 3600_000;
    this.arrivals = new SharedArrivalReads(
      (from, to) => this.queryArrivals(from, to),
      now,
      CLOCK_SKEW_MS,
      DIGEST_CACHE_MS,
    );
  }

  // ---------------------------------------------------------------- writes

  /**
   * The first look, before the article item is written: the story link fields of a stored article's
   * new version (written in the same put as the article, items.ts), and its look-up keys.
   */
  async plan(record: ArticleRecord, seq: string): Promise<StoryPlan> {
    const time = storyTime(record);
    const features = storyFeatures(record);
    const sketch = bodySketch(record.body);
    const self: StoryArticle = { id: record.id, time, terms: features.terms, sketch };
    const keys = { terms: features.lookup.map(termHash), bands: sketch ? bandKeys(sketch) : [] };
    const started = this.now();
    // The first look may take held items up to DIGEST_CACHE_MS behind: the review finds what they lack.
    const items = await this.windowItems(windowDays(time, this.windowMs), DIGEST_CACHE_MS);
    const found = lookUpHeld(items, { id: self.id, time, ...keys }, this.windowMs, LOOKUP_LIMITS);
    const first = await this.candidates(self, found, storiesOf(items, found), countIn(items, self.id));
    const dup = findDuplicateOf(self, first, this.config.thresholds.duplicate);
    const ranked = rankStories(self, this.inWindow(self, first), this.config.thresholds, this.windowMs);
    return {
      fields: {
        sid: ranked[0]?.story ?? newStoryId(time, record.id, seq),
        etm: time,
        trm: encodeTerms(features.terms),
        ...(dup && { dup }),
        ...(sketch && { mh: encodeSketch(sketch) }),
      },
      keys,
      review: { id: record.id, seq, founded: ranked.length === 0, at: started },
    };
  }

  /**
   * After this writer's swap of an article item from `prevItem` to `item`: the digest entry (a deleted or
   * rejected version leaves its story), and `writeDelta`, the swap's delta item (its counter and story
   * moves, counter-fold.ts, and its member item), written at once. For a stored version linked by
   * `plan` the delta marks it for review; the review waits until it sees the entry (the racing
   * argument, `begin`). Nothing else at the writer: the second look, merges, re-decisions and splits
   * are the fold's review.
   */
  async linked(
    prevItem: MainItem | undefined,
    item: MainItem,
    plan?: StoryPlan,
    writeDelta: () => Promise<void> = async () => {},
  ): Promise<void> {
    const id = idOfPk(item.pk);
    const prev = prevItem && linkOf(prevItem);
    const next = linkOf(item);
    const keys = plan && !next.del && next.sid ? plan.keys : undefined;
    await Promise.all([this.dropMember(prev, next), this.writeEntry(id, prev, next, keys), writeDelta()]);
  }

  /**
   * The fold's reviews (counter-fold.ts `FoldReviewer`): each reads the window digest as held from the
   * moment `begin` is called on (after the fold read its deltas), brought up to date once for them all
   * (the arrival reads are shared).
   *
   * Why two racing articles of one new event end in one story: a review goes on only once its digest
   * read holds the version's own entry (else it resolves to null and the fold reviews it later: the
   * writer writes the entry beside the delta); a read holds every entry written before it was sent.
   * Let founders A and B be reviewed by reads sent at times a <= b. If B's entry was written before a,
   * A's review finds B and merges their stories. Otherwise it was written before b (B's read holds
   * it), and A's entry, held by A's read, was written before a <= b: B's review finds A. Merges are
   * conditional (the head's `mv`), so two reviews merging at once agree on the story kept.
   *
   * The reviews of one call share their single-item and member reads (`ItemReads`, one cache per call,
   * `marks` read ahead): each is sent after the call began, and again after this store's own write of
   * it. That keeps the argument: an article is read only once some version of it was written (a mark's
   * delta, an entry and a member item follow its article item), the marks' deltas were read before the
   * call, and a version written after it is reviewed by a later fold, whose reads are the later ones.
   * What others write during the call (a newer version, a member item) a cached read may miss, as a
   * read sent a moment earlier would; a conditional move on a link changed meanwhile fails and reads it
   * again.
   */
  begin(marks: readonly ReviewMark[] = []): { review(mark: ReviewMark): Promise<number | null> } {
    const pass: ReviewPass = {
      from: this.now(),
      reads: new ItemReads(this.io, true),
      looks: new Map(),
      groups: Promise.resolve(new Map()),
      groupReads: new Map(),
      reading: 0,
    };
    // What the reviews read first, read at once for them all: fewer and fuller BatchGetItem calls.
    void this.readAhead(marks, pass);
    return {
      review: async (mark) => {
        const before = this.moves;
        if ((await this.review(mark, pass)) === 'unseen') return null;
        return this.moves - before;
      },
    };
  }

  /**
   * Reads into a pass's cache what its reviews read first, as they would read it: every mark's link, and
   * its story, and for the marks whose windows share READ_AHEAD_DAYS digest days (a burst's arrivals
   * mostly share one window; the held days are bounded) their look-up's candidates' links and stories. The
   * reviews, 8 at once, then find those reads done or under way.
   */
  private async readAhead(marks: readonly ReviewMark[], pass: ReviewPass): Promise<void> {
    // A read that fails here is read again by its review (a failed read is not kept).
    const links = marks.map((mark) => this.readLink(mark.id, pass.reads).catch(() => undefined));
    pass.groups = Promise.all(links).then((read) => lookGroups(marks, read, this.windowMs));
    const groups = await pass.groups;
    const days = new Set<string>();
    const ahead: Promise<void>[] = [];
    for (const [n, mark] of marks.entries()) {
      const link = await links[n]!;
      if (!isLinkOf(link, mark)) continue;
      // Its look reads its group's days.
      const keys = groups.get(markKey(mark)) ?? windowDays(link.etm, this.windowMs);
      const added = keys.filter((k) => !days.has(k));
      if (days.size + added.length > READ_AHEAD_DAYS) {
        // Its look waits for its review; its story is read now, with the others'.
        ahead.push(this.readStoriesAhead([link.sid], pass.reads));
        continue;
      }
      for (const k of added) days.add(k);
      ahead.push(this.readCandidatesAhead(mark, link, pass).catch(() => {}));
    }
    await Promise.all(ahead);
  }

  private async readStoriesAhead(sids: string[], reads: ItemReads): Promise<void> {
    await this.resolve(sids, reads).catch(() => {});
  }

  private async readCandidatesAhead(mark: ReviewMark, link: LinkItem, pass: ReviewPass): Promise<void> {
    const { reads } = pass;
    const { items, found } = await this.lookAgain(mark, link.etm!, pass);
    if (!found) return;
    const others = [...found].filter((id) => id !== mark.id);
    const [links] = await Promise.all([
      this.readLinks(others, reads),
      this.resolve([link.sid!, ...storiesOf(items, found)], reads),
    ]);
    await this.resolve(
      links.filter((l) => !l.del && l.sid).map((l) => l.sid!),
      reads,
    );
  }

  /**
   * A review's look: the window's days held up to date since the pass began, the article's newest entry
   * there, and what the look-up finds for it when that entry is the mark's version (else null). Once per
   * mark and pass (the read-ahead's is the review's): any look taken after the pass began holds every
   * entry the racing argument asks of it (`begin`); one taken later may hold more, as a read sent later
   * would.
   */
  private lookAgain(mark: ReviewMark, time: number, pass: ReviewPass): Promise<Look> {
    // A version's event time is its own: the mark's id and version name the look.
    const key = markKey(mark);
    let look = pass.looks.get(key);
    if (!look) {
      look = this.look(mark, time, pass);
      pass.looks.set(key, look);
      // A failed look is not kept: the review looks again.
      look.catch(() => {
        if (pass.looks.get(key) === look) pass.looks.delete(key);
      });
    }
    return look;
  }

  private async look(mark: ReviewMark, time: number, pass: ReviewPass): Promise<Look> {
    const { from } = pass;
    const days = windowDays(time, this.windowMs);
    // Its group's days first, in one read (the marks' windows that meet, read once for them all), while
    // the pass reads few days at once (the store holds MAX_HELD_ITEMS); then its own, held from then on.
    const group = (await pass.groups).get(markKey(mark));
    if (group && group.length > days.length) {
      let read = pass.groupReads.get(group[0]!);
      if (!read && pass.reading + group.length <= GROUP_READS_DAYS) {
        pass.reading += group.length;
        read = this.windowItems(group, 0, from).then(
          () => {},
          () => {}, // the look reads its own days below
        );
        pass.groupReads.set(group[0]!, read);
        void read.then(() => (pass.reading -= group.length));
      }
      await read;
    }
    const items = await this.windowItems(days, 0, from);
    const own = items.find((it) => it.pk === dayKey(time))?.entry(mark.id) ?? null;
    const keys = own?.seq === mark.seq ? { terms: own.terms, bands: own.bands } : null;
    const found = keys && lookUpHeld(items, { id: mark.id, time, ...keys }, this.windowMs, LOOKUP_LIMITS);
    return { items, own, found };
  }

  /** Article moves (relinks) this store made: the fold loops again after reviews that made some. */
  private moves = 0;

  /**
   * Reviews the story of an article version its writer linked by the first look alone: a look-up in the
   * up-to-date held digest (`from`: its days hold every entry written before), the candidates' links and
   * stories, the ranking; a founder merges its story with every story ranked (a racing article of the
   * same new event founded one too); then the duplicate re-check and the re-decision of its neighbours
   * (regroupAround, splitApart). A version no longer the article's current one is skipped (its writer's
   * newer version has a review of its own); one whose entry the digest does not hold yet is `unseen`
   * (the fold reviews it later).
   */
  private async review(mark: ReviewMark, pass: ReviewPass): Promise<'unseen' | undefined> {
    const { reads } = pass;
    const link = await this.readLink(mark.id, reads);
    if (!isLinkOf(link, mark) || !link.trm) return;
    const id = mark.id;
    const time = link.etm;
    const look = await this.lookAgain(mark, time, pass);
    const { items, own } = look;
    // The look is shared with the read-ahead: the candidates are a set of this review's own.
    const found = look.found && new Set(look.found);
    // Not seen yet: its writer writes it beside the delta. ENTRY_WAIT_MS after the first look it never
    // will be (the writer died first; then no other article found this one either).
    if (!own || own.seq < mark.seq) return this.now() - mark.at < ENTRY_WAIT_MS ? 'unseen' : undefined;
    if (!found) return;
    const self: StoryArticle = { id, time, ...reads.parts(link) };
    const around = await this.candidates(
      self,
      found,
      [link.sid, ...storiesOf(items, found)],
      // Sizes as the held window has them, without this article's own entry: its story ranks as others.
      countIn(items, id),
      reads,
    );
    const dup = findDuplicateOf(self, around, this.config.thresholds.duplicate);
    if ((dup ?? undefined) !== link.dup) await this.setDuplicate(link, dup, reads);
    const ranked = rankStories(self, this.inWindow(self, around), this.config.thresholds, this.windowMs);
    const mine = around.roots?.get(link.sid)?.root ?? link.sid;
    // A founder merges its story with those found now; an article that joined a story leaves the rest to
    // the re-decision below.
    const others = mark.founded ? ranked.map((r) => r.story) : [];
    for (const other of others) if (other !== mine) await this.merge(mine, other, reads);
    if (mine !== link.sid || others.some((o) => o !== mine)) await this.settle(id, reads);
    // The neighbours, the stories merged just now named as the one kept.
    const merged = new Set([mine, ...others]);
    const kept = merged.size > 1 ? (await this.resolve([mine], reads)).get(mine)!.root : mine;
    await this.regroupAround(
      self,
      kept,
      around.map((c) => (merged.has(c.story) ? { ...c, story: kept } : c)),
      reads,
    );
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
    reads: ItemReads,
  ): Promise<void> {
    const { thresholds } = this.config;
    const nearby = storiesNearby(self, story, candidates, thresholds, this.windowMs);
    if (nearby.length === 0) {
      await this.splitApart(self, story, candidates, reads);
      return;
    }
    const stories = [story, ...nearby];
    const listed = await Promise.all(stories.map((s) => this.members(s, reads)));
    const known = new Set(candidates.map((c) => c.id));
    const unread = listed
      .flat()
      .filter((m) => !known.has(m.id) && Math.abs(m.time - self.time) <= this.windowMs)
      .map((m) => m.id);
    const read = await this.candidates(self, new Set(unread), stories, undefined, reads);
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
    for (const other of decided.merges) await this.merge(story, other, reads);
    for (const m of decided.moves) await this.move(m.id, m.from, story, reads);
    if (decided.merges.length > 0) await this.settle(self.id, reads);
    await this.splitApart(self, story, regrouped(around, story, decided), reads);
  }

  /**
   * Splits the article's story when its members fall in groups that disagree (regroup.ts `split`),
   * reading its members when it held two to SPLIT_MEMBERS others (`splitNeeded`: one Query, and the links of the
   * members not among the candidates). Each group without the article moves to a new story, article by article (move's
   * conditional swap: one moved meanwhile stays where it went). Resolves to how many moved.
   */
  private async splitApart(
    self: StoryArticle,
    story: string,
    candidates: StoryCandidate[],
    reads: ItemReads,
  ): Promise<number> {
    const { thresholds } = this.config;
    if (!splitNeeded(self, story, candidates, this.windowMs)) return 0;
    const listed = new Set((await this.members(story, reads)).map((m) => m.id));
    const known = new Set(candidates.map((c) => c.id));
    const read = await this.candidates(
      self,
      new Set([...listed].filter((id) => !known.has(id))),
      [story],
      undefined,
      reads,
    );
    const members = [...candidates, ...read]
      .filter((c) => c.story === story || listed.has(c.id))
      .map((c) => ({ ...c, story }));
    const timeOf = new Map(members.map((c) => [c.id, c.time]));
    let moved = 0;
    for (const group of split(self, story, members, thresholds, this.windowMs)) {
      const time = Math.min(...group.map((id) => timeOf.get(id)!));
      // Named by the group and the story it leaves: two writers splitting the same group move it to one story.
      const to = newStoryId(time, group[0]!, story);
      for (const id of group) if (await this.move(id, story, to, reads)) moved++;
    }
    return moved;
  }

  /**
   * Moves an article from one story to another, unless it is no longer in the first (its writer or
   * another arrival moved it meanwhile): the same conditional swap as settle (relink). True when it moved.
   * A merge of the target that missed the new member item is caught by settling after it (merges mark
   * the story, then read its members).
   */
  protected async move(id: string, from: string, to: string, reads: ItemReads): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const link = await this.readLink(id, reads);
      if (!link || link.del || !link.sid) return false;
      const roots = await this.resolve([link.sid, from, to], reads);
      const target = roots.get(to)!.root;
      const now = roots.get(link.sid)!.root;
      if (now !== roots.get(from)!.root || now === target) return false;
      if (await this.relink(link, target, reads)) {
        if ((await this.resolve([target], reads)).get(target)!.root !== target) await this.settle(id, reads);
        return true;
      }
    }
    return false;
  }

  private inWindow(self: StoryArticle, candidates: StoryCandidate[]): StoryCandidate[] {
    return candidates.filter((c) => Math.abs(c.time - self.time) <= this.windowMs);
  }

  /**
   * The held digest days of some keys, each holding every entry written up to `maxAgeMs` before now (or
   * since `from`, when given: a review's): what a first look's days lack was written since, and the
   * fold's review finds it. A day held but older is brought up to date from the arrival items since it
   * was (with RACE_MARGIN_MS: an entry written after is stamped at most one trip earlier); a day not held,
   * or last read whole longer ago than HELD_ITEMS_MS, is read whole (so what an arrival item missed, a
   * writer dying between its BatchWriteItem calls, is made good in that time). Concurrent looks share
   * the reads under way.
   */
  private async windowItems(keys: string[], maxAgeMs: number, from?: number): Promise<DigestDayView[]> {
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const asked = this.now();
      const floor = from ?? asked - maxAgeMs;
      this.evictHeld(asked);
      const waits: Promise<void>[] = [];
      const whole: DigestDayView[] = [];
      const behind: DigestDayView[] = [];
      for (const k of keys) {
        const item = this.hold(k);
        item.usedAt = Math.max(item.usedAt, asked);
        if (item.syncedAt >= floor) continue;
        const under = this.refreshing.get(k);
        if (under && under.asked >= floor) waits.push(under.done);
        else (item.readAt >= asked - HELD_ITEMS_MS ? behind : whole).push(item);
      }
      if (whole.length > 0 || behind.length > 0) waits.push(this.refresh(whole, behind, asked));
      await Promise.all(waits);
      // Every day as held now, brought up to date (unless let go meanwhile: then again).
      const items = keys.map((k) => this.held.get(k));
      if (items.every((item) => item && item.syncedAt >= floor)) return items as DigestDayView[];
    }
    throw new Error('story index: the window digest days keep being let go');
  }

  /** Reads `whole` days whole, and brings `behind` ones up to date from the arrival items since. */
  private refresh(whole: DigestDayView[], behind: DigestDayView[], asked: number): Promise<void> {
    const since = Math.min(...behind.map((item) => item.syncedAt));
    const all = [...whole, ...behind];
    const done = Promise.all([
      this.readDays(whole.map((item) => item.pk)),
      behind.length > 0 ? this.arrivals.entriesSince(since - RACE_MARGIN_MS, this.arrivals.tick) : [],
    ]).then(() => {
      // The arrival items read were brought into the days held as they came (queryArrivals).
      for (const item of whole) item.readAt = Math.max(item.readAt, asked);
      for (const item of all) item.syncedAt = Math.max(item.syncedAt, asked);
    });
    for (const item of all) this.refreshing.set(item.pk, { asked, done });
    return done.finally(() => {
      for (const item of all)
        if (this.refreshing.get(item.pk)?.done === done) this.refreshing.delete(item.pk);
    });
  }

  private hold(key: string): DigestDayView {
    let item = this.held.get(key);
    if (!item) {
      item = new DigestDayView(key);
      this.held.set(key, item);
    }
    return item;
  }

  /**
   * Lets go of the days no look used for HELD_ITEMS_MS, and of the least lately used beyond
   * MAX_HELD_ITEMS; never of one being brought up to date.
   */
  private evictHeld(now: number): void {
    const idle = [...this.held.values()].filter((item) => !this.refreshing.has(item.pk));
    for (const item of idle) if (item.usedAt < now - HELD_ITEMS_MS) this.held.delete(item.pk);
    const over = this.held.size - MAX_HELD_ITEMS;
    if (over <= 0) return;
    const byUse = idle.filter((item) => this.held.has(item.pk)).sort((a, b) => a.usedAt - b.usedAt);
    for (const item of byUse.slice(0, over)) this.held.delete(item.pk);
  }

  /**
   * The digest items of some days, read (consistently) with one Query per partition, into the days held:
   * the digest items of the days between them in a partition come too, and go into those held.
   */
  private async readDays(keys: string[]): Promise<void> {
    for (const item of await this.queryEntries(dayQueries(keys))) {
      const e = parseDigestItem(item);
      if (e) this.held.get(e.day)?.apply(e.id, e.value);
    }
  }

  /**
   * The arrival items stamped from `from` to `to` (one Query per hour), brought into the days held as
   * they come (SharedArrivalReads runs it for every writer of the store).
   */
  private async queryArrivals(from: number, to: number): Promise<ArrivalEntry[]> {
    const entries: ArrivalEntry[] = [];
    for (const item of await this.queryEntries(arrivalQueries(from, to))) {
      const e = parseArrivalItem(item);
      if (!e) continue;
      entries.push(e);
      this.held.get(e.day)?.apply(e.id, e.value);
    }
    return entries;
  }

  /** The digest or arrival items of some sort-key ranges (one consistent Query each, every page). */
  private async queryEntries(
    ranges: readonly { pk: string; from: string; to: string }[],
  ): Promise<Record<string, unknown>[]> {
    const pages = await Promise.all(
      ranges.map((q) =>
        this.io.queryAll<Record<string, unknown>>({
          KeyConditionExpression: 'pk = :p AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':p': q.pk, ':from': q.from, ':to': q.to },
          // The key and the entry: fewer attributes for the client to parse.
          ProjectionExpression: `sk, ${ENTRY_ATTR}`,
          ConsistentRead: true,
        }),
      ),
    );
    return pages.flat();
  }

  /**
   * Writes the version's digest item (a tombstone for a deleted one, and one where the version it
   * replaced had its entry on another day), each with its arrival item, in the BatchWriteItem calls the
   * store's writers share, and deletes the replaced version's digest item. No condition: a digest item is
   * keyed by its version, and readers keep each article's newest version (DigestDayView), so versions
   * finishing out of order leave at most an older version's item beside the newest one's, which hides it
   * (the newer writer's delete came before the older's put), never the newest one's missing. The days this
   * store holds take the entries once written.
   */
  private async writeEntry(
    id: string,
    prev: LinkItem | undefined,
    next: LinkItem,
    keys?: { terms: string[]; bands: string[] },
  ): Promise<void> {
    const arrived = this.now();
    const expiry = Math.ceil((arrived + ARRIVAL_KEEP_MS) / 1000);
    const requests: WriteRequest[] = [];
    const entries: { day: string; value: string }[] = [];
    const put = (time: number, value: string) => {
      const written = digestKey(id, time, next.seq);
      entries.push({ day: dayKey(time), value });
      requests.push(
        { PutRequest: { Item: { ...written, [ENTRY_ATTR]: value } } },
        {
          PutRequest: {
            Item: {
              ...arrivalKey(arrived, id, time, next.seq),
              [ENTRY_ATTR]: value,
              [ARRIVAL_EXPIRY_ATTR]: expiry,
            },
          },
        },
      );
      return written.sk;
    };
    const here = !next.del && next.etm !== undefined && keys ? next.etm : undefined;
    const made: string[] = [];
    if (here !== undefined)
      made.push(put(here, encodeEntry({ seq: next.seq, time: here, arrived, story: next.sid!, ...keys! })));
    const before = prev && !prev.del && prev.etm !== undefined ? prev.etm : undefined;
    if (before !== undefined) {
      if (here === undefined || dayKey(before) !== dayKey(here)) made.push(put(before, tombstone(next.seq)));
      const old = digestKey(id, before, prev!.seq);
      if (!made.includes(old.sk)) requests.push({ DeleteRequest: { Key: old } });
    }
    await this.io.batchWrite(requests);
    // This store's later first looks see its own writes at once (others' after DIGEST_CACHE_MS at most).
    for (const e of entries) this.held.get(e.day)?.apply(id, e.value);
  }

  /**
   * The live articles among `ids`, in their live stories. `alsoResolve` stories are resolved with them,
   * read together with the links (the stories the digest gives for `ids` save a round trip: a link
   * that names another story has it resolved after). A story's size is its head's, which lags ingest
   * (head-fold.ts), or, when larger, the digest entries held (`listed`: how many name a story) that name
   * it or a story resolved into it: those arrived since the last fold are counted too.
   */
  private async candidates(
    self: StoryArticle,
    ids: Set<string>,
    alsoResolve: string[] = [],
    listedIn: (story: string) => number = () => 0,
    reads: ItemReads = this.direct,
  ): Promise<StoryCandidate[] & { roots?: Map<string, { root: string; size: number }> }> {
    ids.delete(self.id);
    const [links, roots] = await Promise.all([
      this.readLinks([...ids], reads),
      alsoResolve.length > 0
        ? this.resolve(alsoResolve, reads)
        : new Map<string, { root: string; size: number }>(),
    ]);
    const live = links.filter((l) => !l.del && l.sid && l.trm && l.etm !== undefined);
    const unresolved = live.map((l) => l.sid!).filter((sid) => !roots.has(sid));
    if (unresolved.length > 0)
      for (const [sid, r] of await this.resolve(unresolved, reads)) roots.set(sid, r);
    const listed = new Map<string, number>();
    for (const [sid, { root }] of roots) listed.set(root, (listed.get(root) ?? 0) + listedIn(sid));
    const found: StoryCandidate[] & { roots?: Map<string, { root: string; size: number }> } = live.map(
      (l) => {
        const r = roots.get(l.sid!);
        const story = r?.root ?? l.sid!;
        return {
          id: l.pk.slice(2),
          time: l.etm!,
          ...reads.parts(l),
          story,
          storySize: Math.max(r?.size ?? 0, listed.get(story) ?? 0),
        };
      },
    );
    // Stories whose older members would dilute the mean: their size in this article's window instead.
    for (const story of storiesToCount(self, found, this.config.thresholds, this.windowMs)) {
      const members = await this.members(story, reads);
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
  async relink(link: LinkItem, sid: string, reads: ItemReads = this.direct): Promise<LinkItem | null> {
    const next: LinkItem = { ...link, sid, lid: newWriteId() };
    const moved = await this.updateIf(reads, mainKey(link), {
      UpdateExpression: 'SET sid = :sid, wid = :next',
      ConditionExpression: 'wid = :wid',
      ExpressionAttributeValues: { ':sid': sid, ':next': next.lid, ':wid': link.lid },
    });
    if (!moved) return null;
    this.moves++;
    const delta = storyDeltaRequest(link, next);
    await reads.writing({ memberOf: [sid, link.sid] }, async () => {
      await this.io.batchWrite([...memberRequest({ ...next, wid: next.lid }), ...(delta ? [delta] : [])]);
      await this.dropMember(link, next);
    });
    return next;
  }

  private async setDuplicate(link: LinkItem, dup: string | null, reads: ItemReads): Promise<void> {
    // Not set when the article was replaced meanwhile: its writer decided afresh.
    await this.updateIf(reads, mainKey(link), {
      UpdateExpression: dup ? 'SET dup = :dup' : 'REMOVE dup',
      ConditionExpression: 'wid = :wid',
      ExpressionAttributeValues: { ':wid': link.lid, ...(dup && { ':dup': dup }) },
    });
  }

  /**
   * One conditional UpdateItem of `key`, written through `reads` (which read the key again after it):
   * whether its condition held.
   */
  private async updateIf(
    reads: ItemReads,
    key: { pk: string; sk: string },
    update: Pick<
      UpdateCommandInput,
      'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeValues'
    >,
  ): Promise<boolean> {
    try {
      await reads.writing({ key }, () =>
        this.io.doc.send(new UpdateCommand({ TableName: this.io.table, Key: key, ...update })),
      );
      return true;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return false;
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
  private async merge(a: string, b: string, reads: ItemReads): Promise<void> {
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const roots = await this.resolve([a, b], reads);
      const ra = roots.get(a)!.root;
      const rb = roots.get(b)!.root;
      if (ra === rb) return;
      const [target, source] = ra < rb ? [ra, rb] : [rb, ra];
      const marked = await this.updateIf(
        reads,
        { pk: headPk(source), sk: HEAD_SK },
        {
          UpdateExpression: 'SET mv = :to REMOVE lsp',
          ConditionExpression: 'attribute_not_exists(mv)',
          ExpressionAttributeValues: { ':to': target },
        },
      );
      if (!marked) continue; // merged into another meanwhile: look again
      for (const m of await this.members(source, reads)) await this.settle(m.id, reads);
      return;
    }
  }

  /**
   * Moves an article whose story was merged away into the story it lives on in. After a move it looks
   * again: a merge of that story may have read its members before the move's member item was written.
   */
  private async settle(id: string, reads: ItemReads): Promise<void> {
    for (let attempt = 0; attempt < MAX_SWAP_ATTEMPTS; attempt++) {
      const link = await this.readLink(id, reads);
      if (!link || link.del || !link.sid) return;
      const root = (await this.resolve([link.sid], reads)).get(link.sid)!.root;
      if (root === link.sid) return;
      await this.relink(link, root, reads);
    }
  }

  // ---------------------------------------------------------------- reads

  /** Live articles with the same text as this one (by sketch), earliest first. */
  async copiesOf(id: string): Promise<string[]> {
    const link = await this.readLink(id);
    if (!link || link.del || !link.mh || link.etm === undefined) return [];
    const self: StoryArticle = { id, time: link.etm, terms: {}, sketch: decodeSketch(link.mh) };
    const keys = { terms: [], bands: bandKeys(self.sketch!) };
    const items = await this.windowItems(windowDays(link.etm, this.windowMs), 0);
    const ids = lookUpHeld(items, { id, time: link.etm, ...keys }, this.windowMs, LOOKUP_LIMITS);
    const found = await this.candidates(self, ids, storiesOf(items, ids));
    return found
      .filter((c) => c.sketch && sketchSimilarity(self.sketch!, c.sketch) >= this.config.thresholds.duplicate)
      .sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1))
      .map((c) => c.id);
  }
}

/** What the first look decided for an article version (StoryIndex.plan). */
export interface StoryPlan {
  /** The story link fields its article item is written with. */
  fields: Required<Pick<LinkItem, 'sid' | 'etm' | 'trm'>> & Pick<LinkItem, 'dup' | 'mh'>;
  /** Its hashed look-up terms and sketch bands (its digest entry's). */
  keys: { terms: string[]; bands: string[] };
  /** The review its delta item asks the fold for. */
  review: ReviewMark;
}

/**
 * How long after its writer's first look a version's entry may still appear (the ingest Lambda's timeout
 * is 60 s, and writers' clocks may be a minute apart): until then a review that does not see it waits.
 */
const ENTRY_WAIT_MS = 5 * 60_000;

/** Digest days a pass's reads ahead span at most (a store holds MAX_HELD_ITEMS). */
const READ_AHEAD_DAYS = 16;

const LOOKUP_LIMITS = { termLimit: TERM_LOOKUP_LIMIT, bandLimit: BAND_LOOKUP_LIMIT };

/**
 * Days a group of marks' windows spans at most (lookGroups), and the group days a pass reads at once at
 * most: a store holds MAX_HELD_ITEMS, and the 8 reviews in flight hold their windows too.
 */
const GROUP_DAYS = READ_AHEAD_DAYS;
const GROUP_READS_DAYS = 2 * GROUP_DAYS;

/**
 * One call of `begin`: when it began, its reads' cache, each mark's look (by article and version), the
 * days each mark's look reads first (lookGroups, once the marks' links are read) and how many group days
 * are being read.
 */
interface ReviewPass {
  from: number;
  reads: ItemReads;
  looks: Map<string, Promise<Look>>;
  groups: Promise<Map<string, string[]>>;
  /** Each group's read (by its first day), begun by the first of its marks' looks. */
  groupReads: Map<string, Promise<void>>;
  reading: number;
}

const markKey = (mark: ReviewMark) => `${mark.id}#${mark.seq}`;

/** Whether `link` is the live story link of the version `mark` names (not deleted, not replaced since). */
const isLinkOf = (
  link: LinkItem | undefined,
  mark: ReviewMark,
): link is LinkItem & { sid: string; etm: number } =>
  !!link && !link.del && !!link.sid && link.seq === mark.seq && link.etm !== undefined;

/**
 * The marks' windows grouped into runs of days read by one Query each (a backfill's marks are spread over
 * years: one read per window that meets no other was one per look, and two looks of windows that meet
 * read apart): windows that overlap or touch join, in day order, while the run spans GROUP_DAYS at most.
 * By mark (markKey), its group's days (its whole window among them).
 */
function lookGroups(
  marks: readonly ReviewMark[],
  links: readonly (LinkItem | undefined)[],
  windowMs: number,
): Map<string, string[]> {
  const windows: { mark: string; lo: number; hi: number }[] = [];
  for (const [n, mark] of marks.entries()) {
    const link = links[n];
    if (!isLinkOf(link, mark)) continue;
    const days = windowDays(link.etm, windowMs);
    windows.push({ mark: markKey(mark), lo: dayOfKey(days[0]!), hi: dayOfKey(days.at(-1)!) });
  }
  windows.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  const out = new Map<string, string[]>();
  let run: { lo: number; hi: number; marks: string[] } | undefined;
  const close = () => {
    if (!run) return;
    const days = dayRange(run.lo, run.hi);
    for (const m of run.marks) out.set(m, days);
  };
  for (const w of windows) {
    if (run && w.lo <= run.hi + 1 && Math.max(run.hi, w.hi) - run.lo < GROUP_DAYS) {
      run.hi = Math.max(run.hi, w.hi);
      run.marks.push(w.mark);
      continue;
    }
    close();
    run = { lo: w.lo, hi: w.hi, marks: [w.mark] };
  }
  close();
  return out;
}

/** A review's look (StoryIndex.lookAgain). */
interface Look {
  items: DigestDayView[];
  own: DigestEntry | null;
  found: Set<string> | null;
}

/** The stories the held digest items give for some articles. */
function storiesOf(items: readonly DigestDayView[], ids: Set<string>): string[] {
  const stories = new Set<string>();
  for (const item of items)
    for (const id of ids) {
      const e = item.entry(id);
      if (e) stories.add(e.story);
    }
  return [...stories];
}

/** How many live entries of some held items name a story, leaving out one article's. */
function countIn(items: readonly DigestDayView[], except: string): (story: string) => number {
  return (story) => {
    let n = 0;
    for (const item of items) n += item.count(story) - (item.entry(except)?.story === story ? 1 : 0);
    return n;
  };
}

const mainKey = (link: LinkItem) => ({ pk: link.pk, sk: MAIN_SK });
