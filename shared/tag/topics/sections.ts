/**
 * The newsroom's own section (breadcrumb category or URL path) is the strongest topic signal an
 * article carries. The section names that name an IPTC topic are hand-written in
 * data/topics/sections.txt (diacritic-free, as in URL slugs) and built by `npm run build:data` into
 * ../data/topic-sections.generated.json. Sections that name a place or a format rather than a subject
 * (`thế giới`, `thời sự`, `video`) are deliberately absent: they say nothing about the topic.
 */
import { searchKey } from '../../text/vietnamese';
import sectionLists from '../data/topic-sections.generated.json';
import { IPTC, type IptcCode, type IptcTopicName } from './iptc';
import { TOPIC_SETTINGS } from './settings';

function sectionKeys(topics: Record<string, string[]>): Map<string, IptcCode> {
  const keys = new Map<string, IptcCode>();
  for (const [name, sections] of Object.entries(topics)) {
    const code = IPTC[name as IptcTopicName];
    if (code === undefined) throw new Error(`data/topics/sections.txt: unknown topic [${name}]`);
    for (const section of sections) keys.set(searchKey(section), code);
  }
  return keys;
}

const SECTION_KEYS: ReadonlyMap<string, IptcCode> = sectionKeys(sectionLists.topics);

/** Broad sections' topics, each with the subjects its pages also carry and their share of its weight. */
const BROAD_SECTIONS: ReadonlyMap<IptcCode, { carries: IptcCode[]; weight: number }> = new Map(
  Object.entries(TOPIC_SETTINGS.broadSections).map(([name, broad]) => [
    IPTC[name as IptcTopicName],
    { carries: broad.carries.map((c) => IPTC[c]), weight: broad.weight },
  ]),
);
const LONGEST_KEY = Math.max(...[...SECTION_KEYS.keys()].map((k) => k.split(' ').length));

/** `GiaoDuc` → `Giao Duc`, `DoiNoi-DoiNgoai` → `Doi Noi Doi Ngoai`; slugs keep their hyphen words. */
function splitCamel(segment: string): string {
  return segment.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Path segments of a URL that can name a section: not the host, not the article slug or id. */
export function urlSections(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const segments = path.split('/').filter(Boolean);
  // `/<section>/<slug>/<id>`: a trailing numeric id makes the segment before it the article slug.
  const articleAt = /^\d+(\.\w+)?$/.test(segments.at(-1) ?? '') ? segments.length - 2 : segments.length - 1;
  const sections: string[] = [];
  for (const [i, raw] of segments.entries()) {
    if (i >= articleAt) break;
    const segment = safeDecode(raw);
    // Hosts and files (`vietnamnet.vn`, `x.htm`), long slugs and numeric ids are not sections.
    if (/\.[a-z]{2,5}$/i.test(segment) || /\d{4,}/.test(segment)) continue;
    if (segment.split('-').length > 5 || segment.toLowerCase() === 'home') continue;
    sections.push(splitCamel(segment));
    if (sections.length === 3) break;
  }
  return sections;
}

/**
 * Topics of section strings already read: newsrooms reuse a few hundred section names (`Thời sự`,
 * `kinh-doanh`), so most articles look theirs up instead of folding and splitting it again.
 */
const sectionCache = new Map<string, readonly IptcCode[]>();
const MAX_CACHED_SECTIONS = 10_000;

function cachedTopicsOfSection(section: string): readonly IptcCode[] {
  let codes = sectionCache.get(section);
  if (codes === undefined) {
    if (sectionCache.size >= MAX_CACHED_SECTIONS) sectionCache.clear();
    codes = topicsOfSection(section);
    sectionCache.set(section, codes);
  }
  return codes;
}

/** Topics named by one section string: every table key found as whole words in it. */
function topicsOfSection(section: string): IptcCode[] {
  const words = searchKey(section).split(' ').filter(Boolean);
  const found = new Set<IptcCode>();
  for (let start = 0; start < words.length; start++) {
    for (let n = Math.min(LONGEST_KEY, words.length - start); n >= 1; n--) {
      const code = SECTION_KEYS.get(words.slice(start, start + n).join(' '));
      if (code !== undefined) {
        found.add(code);
        break;
      }
    }
  }
  // A joined slug like `giaoduc` is one word; it is looked up whole above.
  return [...found];
}

/**
 * Weight per topic from the article's breadcrumb and URL sections (the topics a section names share 1; a
 * broad section's carried subjects get a part of its weight besides, see `withCarried`).
 * A breadcrumb narrows from the newsroom's broad section to a sub-section (`Xã hội › Việc làm`,
 * `Văn hóa › Tôn giáo`), so its deepest level that names a subject decides; a level longer than
 * MAX_SECTION_WORDS is more likely the article's own title than a section and is not read.
 */
export function sectionTopics(category: readonly string[], url: string | null): Map<IptcCode, number> {
  // The URL is read only when the breadcrumb names nothing (parsing it costs more than the look-ups).
  return (
    sectionWeights(deepestFirst(category)) ??
    (url ? sectionWeights(urlSections(url)) : undefined) ??
    new Map()
  );
}

/** Section names are a few words (`Kinh tế - Tài chính`); a longer level is a title or a slogan. */
const MAX_SECTION_WORDS = 5;

function deepestFirst(category: readonly string[]): string[] {
  return category.filter((level) => level.split(/\s+/).length <= MAX_SECTION_WORDS).reverse();
}

/** Weight per topic of the first of `sections` that names any. */
function sectionWeights(sections: readonly string[]): Map<IptcCode, number> | undefined {
  for (const section of sections) {
    const codes = cachedTopicsOfSection(section);
    if (codes.length > 0) return withCarried(codes);
  }
  return undefined;
}

/**
 * The topics a section names, sharing its weight; a broad section (`Xã hội`, data/topic-settings.json)
 * also names, at a part of its weight, the subjects its pages carry (labour, weather, ...): its own topic
 * stays ahead unless the text clearly names one of them (`Xã hội` over a storm's landfall is weather).
 */
function withCarried(codes: readonly IptcCode[]): Map<IptcCode, number> {
  const share = 1 / codes.length;
  const weights = new Map(codes.map((c) => [c, share]));
  for (const code of codes) {
    const broad = BROAD_SECTIONS.get(code);
    if (broad === undefined) continue;
    for (const carried of broad.carries)
      weights.set(carried, Math.max(weights.get(carried) ?? 0, share * broad.weight));
  }
  return weights;
}
