/**
 * Blocks inside an article container that are not the article, told by what they say (data/boilerplate.json,
 * hand-written) or by being all links: ad and share labels (`ADVERTISEMENT`, `Like this story? Share it with a
 * friend!`), the heading of a related-stories list (`You may also like…`, `More Great WIRED Stories`) and the
 * links under it, a newsletter pitch, and a paragraph that is only a link to another story.
 */
import { textContent } from 'domutils';
import data from '../data/boilerplate.json';

import { type Element, htmlText, linkDensity, measured } from './dom';

export type Boilerplate = 'label' | 'related-heading' | 'newsletter' | 'link-teaser';
/** A line of the article container that is not body: what it is instead. */
export type LineKind = 'label' | 'caption' | 'credit' | 'timestamp' | 'pitch';

const LABELS = new Set(data.labels);
const RELATED = new Set(data.relatedHeadings);
const RELATED_PATTERNS = data.relatedHeadingPatterns.map((p) => new RegExp(p, 'u'));
const NEWSLETTER_VERB = new RegExp(`(^|[^\\p{L}])(${data.newsletterVerbs.join('|')})([^\\p{L}]|$)`, 'u');
const NEWSLETTER_OBJECT = new RegExp(`(^|[^\\p{L}])(${data.newsletterObjects.join('|')})`, 'u');
const patterns = (sources: string[]) => sources.map((p) => new RegExp(p, 'iu'));
const RELATED_TEASERS = patterns(data.relatedTeaserPatterns);
const LABEL_LINES = [...patterns(data.labelPatterns), ...RELATED_TEASERS];
const PITCH_LINES = patterns(data.pitchPatterns);
const LINE_KINDS: [LineKind, RegExp[]][] = [
  ['label', LABEL_LINES],
  ['caption', patterns(data.captionPatterns)],
  ['credit', patterns(data.creditPatterns)],
  ['timestamp', patterns(data.timestampPatterns)],
  ['pitch', PITCH_LINES],
];

/** Longer than this, a block is prose whatever it says. */
const MAX_LABEL_CHARS = 60;
const MAX_PITCH_CHARS = 300;
/** A paragraph with at least this share of its text in links points elsewhere (trafilatura's link test). */
const TEASER_LINK_DENSITY = 0.8;
const TEASER_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Lower case, without the punctuation and ellipsis a label ends with. */
export function normalised(text: string): string {
  return htmlText(text)
    .toLowerCase()
    .replace(/[\s.:!…»›>-]+$/u, '')
    .replace(/’/g, "'");
}

export function isLabel(text: string): boolean {
  return LABELS.has(normalised(text));
}

export function isRelatedHeading(text: string): boolean {
  return isRelatedNormalised(normalised(text));
}

function isRelatedNormalised(t: string): boolean {
  return RELATED.has(t) || RELATED_PATTERNS.some((p) => p.test(t));
}

/**
 * A line that is never article text, whatever the format: an ad or share label or the heading of a
 * related-stories list (`Quảng cáo`, `Tin liên quan`, `Bạn đừng bỏ lỡ!`). The HTML reader drops such a block
 * (`boilerplateOf`); the text layouts drop such a line (../text.ts).
 */
export function isBoilerplateLine(line: string): boolean {
  if (line.length > MAX_LABEL_CHARS) return isRelatedTeaser(line);
  // Normalised once for both tests: the text layouts ask this of every paragraph.
  const t = normalised(line);
  if (LABELS.has(t) || isRelatedNormalised(t) || isRelatedTeaser(line)) return true;
  // A player's clock (`0:00 / 3:25`), a comment count, a follow-us pitch: page furniture a text save copies.
  // The same answer as `lineKind(line)` being a label or pitch, with the rarer kinds tested only for a pitch.
  if (LABEL_LINES.some((p) => p.test(line))) return true;
  if (!PITCH_LINES.some((p) => p.test(line))) return false;
  return lineKind(line) === 'pitch';
}

/** `Xem thêm: Đồng Nai: hơn 40 doanh nghiệp công bố thưởng Tết 2027`: a pointer to another story. */
export function isRelatedTeaser(line: string): boolean {
  return line.length <= MAX_PITCH_CHARS && RELATED_TEASERS.some((p) => p.test(line));
}

/** `Sign up for The Water Coolest to get the free daily newsletter delivered to your inbox.` */
export function isNewsletterPitch(text: string): boolean {
  const t = text.toLowerCase();
  return NEWSLETTER_VERB.test(t) && NEWSLETTER_OBJECT.test(t);
}

/** What kind of boilerplate a block inside the article is, or null when it may be article text. */
export function boilerplateOf(el: Element): Boilerplate | null {
  const { chars, linkChars } = measured(el);
  if (chars === 0 || chars > MAX_PITCH_CHARS) return null;
  if (TEASER_TAGS.has(el.name) && linkChars > 0 && linkDensity(el) >= TEASER_LINK_DENSITY)
    return 'link-teaser';
  const text = textContent(el);
  if (chars <= MAX_LABEL_CHARS) {
    if (isLabel(text)) return 'label';
    if (isRelatedHeading(text)) return 'related-heading';
  }
  return isNewsletterPitch(text) ? 'newsletter' : null;
}

/**
 * What a collected line is when it is not body: a photo caption told by its credit (`… (AP Photo/Jane Roe)`,
 * `(credit: NASA)`), a credit (`… contributed to this report.`, `(Reporting by …)`), a time stamp
 * (`Updated 12:24 am EST, …`), a pitch (`Follow us on Instagram`), a gallery counter (`Image 1of/5`).
 */
export function lineKind(line: string): LineKind | null {
  if (line.length > MAX_PITCH_CHARS) return null;
  for (const [kind, tests] of LINE_KINDS) if (tests.some((t) => t.test(line))) return kind;
  return null;
}
