/**
 * The steps every format shares once its layout is read, so one article gives one record whatever its
 * format: what the URL tells (section, publisher, date, and the headline rebuilt from the slug when the
 * file has none), categories as readable labels (never a home-page slug), and site furniture dropped from
 * the text.
 */
import { dateFromUrl } from './dates';
import { tidyKeywords } from './keywords';
import { splitCaptionCredit } from './photo-credit';
import { publisherFromUrl } from './publisher';
import { titleFromUrl } from './slug-title';
import { stripPageFurniture, type TextFields } from './text';
import type { TitleSource } from './types';
import { categoryFromUrl, categoryLabel } from './url';

/** The headline's words are in the opening of the article: no need to index all of a long text. */
const TITLE_CONTEXT = 8000;

/**
 * `furniture`: whether the body may still hold a site's page furniture (the text layout drops it line by
 * line already; HTML, Markdown and JSON bodies are cleaned here). Completes `fields` in place (a format's
 * parser hands over an object of its own) and returns it: its keys keep their order, `titleSource` last.
 */
export function finishFields<T extends TextFields>(
  fields: T,
  furniture: boolean,
): T & { titleSource: TitleSource } {
  const body = furniture ? withoutFurniture(fields.body) : fields.body;
  // A lede that was only furniture (a page's notice taken for its first paragraph) is the text's first.
  const lede =
    furniture && fields.lede !== null ? stripPageFurniture(fields.lede) || firstParagraph(body) : fields.lede;
  let category = fields.category.map(categoryLabel).filter((c): c is string => c !== null);
  let { title, publisher, publishedAt } = fields;
  let titleSource: TitleSource = title ? 'text' : 'none';
  const { url } = fields;
  if (url) {
    if (!title) {
      const text = [lede ?? '', body, ...fields.captions].join('\n').slice(0, TITLE_CONTEXT);
      title = titleFromUrl(url, text);
      if (title) titleSource = 'url';
    }
    if (category.length === 0) category = categoryFromUrl(url);
    publisher ??= publisherFromUrl(url);
    publishedAt ??= dateFromUrl(url)?.value ?? null;
  }
  const keywords = tidyKeywords(fields.keywords);
  // A caption's closing photo credit is set apart (no record field holds it; the parse eval counts it as read).
  const photoCredits: string[] = [];
  const captions = fields.captions.map((c) => {
    const split = splitCaptionCredit(c);
    if (split.credit) photoCredits.push(split.credit);
    return split.caption;
  });
  // Set in place, in the order a spread `{ ...fields, title, titleSource, … }` would add missing keys: each
  // format's fields have their own shape, and copying them into a new object cost more than any other step here.
  const out = fields as T & { titleSource: TitleSource; photoCredits?: string[] };
  out.title = title;
  out.titleSource = titleSource;
  out.body = body;
  out.lede = lede;
  out.category = category;
  out.keywords = keywords;
  out.captions = captions;
  if (photoCredits.length > 0) out.photoCredits = photoCredits;
  out.publisher = publisher;
  out.publishedAt = publishedAt;
  return out;
}

function withoutFurniture(body: string): string {
  if (!body.includes('Lưu bài viết') && !body.includes('Dự đoán tỷ số')) return body;
  return body.split('\n\n').map(stripPageFurniture).filter(Boolean).join('\n\n');
}

function firstParagraph(body: string): string | null {
  const end = body.indexOf('\n\n');
  return (end < 0 ? body : body.slice(0, end)) || null;
}
