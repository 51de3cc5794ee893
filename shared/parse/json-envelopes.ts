/**
 * Two JSON shapes that wrap one article in their own envelope, reduced here to the plain object `json.ts`
 * reads (`title`, `content_html`, `summary`, `authors`, `categories`, `tags`, `site_name`…): a JSON Feed
 * (https://jsonfeed.org/version/1.1) holding one item, and a post as the WordPress REST API gives it.
 */
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { cleanLine } from './lines';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A rendered HTML string as one line of text, its entities decoded (`Ngành &#8220;chip&#8221;` → `Ngành “chip”`). */
function htmlLine(html: string): string {
  return cleanLine(textContent(parseDocument(html, { decodeEntities: true })));
}

/**
 * A JSON Feed's item as a plain article: the item's own fields, with the feed's `title` (the site's name) as
 * its publisher and the feed's authors and language when the item has none. A feed of several items is
 * several articles, not one: `{error}`. Any other object is returned as it is.
 */
export function jsonFeedItem(v: Obj): Obj | { error: string } {
  if (typeof v.version !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\//.test(v.version)) return v;
  const items = Array.isArray(v.items) ? v.items.filter(isObj) : [];
  if (items.length !== 1)
    return {
      error: `The JSON Feed holds ${items.length} items: upload each article as its own file (a feed of one item).`,
    };
  const item = items[0]!;
  const authors = item.authors ?? item.author ?? v.authors ?? v.author;
  return {
    ...item,
    ...(typeof item.date_published === 'string' && { published_at: item.date_published }),
    ...(typeof item.content_html !== 'string' &&
      typeof item.content_text === 'string' && { content: item.content_text }),
    ...(authors !== undefined && { authors: isObj(authors) ? [authors] : authors }),
    ...(typeof v.title === 'string' && { site_name: v.title }),
    ...(item.language === undefined && v.language !== undefined && { language: v.language }),
  };
}

/** A WordPress REST post: `title`, `content` and `excerpt` are objects holding `rendered` HTML. */
const isWordPressPost = (v: Obj) =>
  isObj(v.content) && typeof v.content.rendered === 'string' && isObj(v.title) && 'rendered' in v.title;

/**
 * A WordPress REST post (`/wp-json/wp/v2/posts/<id>?_embed`) as a plain article: the rendered title and
 * excerpt as text (an automatic excerpt's closing `[…]` left out), the rendered content as the HTML body,
 * `date_gmt` as the publish instant (`date` is in the site's own zone), the names `_embedded` gives for the
 * author (the post's `author` is only a number) and for its terms (categories, then tags), and the site's
 * name and canonical address from the Yoast SEO fields. Any other object is returned as it is.
 */
export function wordPressPost(v: Obj): Obj {
  if (!isWordPressPost(v)) return v;
  const rendered = (x: Json | undefined) => (isObj(x) && typeof x.rendered === 'string' ? x.rendered : '');
  const embedded = isObj(v._embedded) ? v._embedded : {};
  const authors = Array.isArray(embedded.author)
    ? embedded.author.filter((a) => isObj(a) && typeof a.name === 'string')
    : [];
  const terms = (Array.isArray(embedded['wp:term']) ? embedded['wp:term'] : [])
    .flatMap((group) => (Array.isArray(group) ? group : []))
    .filter(isObj);
  const termNames = (taxonomy: string) =>
    terms
      .filter((t) => t.taxonomy === taxonomy && typeof t.name === 'string')
      .map((t) => htmlLine(String(t.name)));
  const yoast = isObj(v.yoast_head_json) ? v.yoast_head_json : {};
  const excerpt = htmlLine(rendered(v.excerpt)).replace(/\s*\[(?:…|\.\.\.)\]$/u, '');
  const { title: _title, content: _content, excerpt: _excerpt, author: _author, ...rest } = v;
  return {
    ...rest,
    title: htmlLine(rendered(v.title)),
    content_html: rendered(v.content),
    ...(excerpt ? { excerpt } : typeof yoast.description === 'string' && { excerpt: yoast.description }),
    ...(typeof v.date_gmt === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(v.date_gmt)
      ? { published_at: `${v.date_gmt}Z` }
      : typeof v.date === 'string' && { published_at: v.date }),
    ...(authors.length > 0 && { authors }),
    ...(termNames('category').length > 0 ? { categories: termNames('category') } : { categories: null }),
    ...(termNames('post_tag').length > 0 ? { tags: termNames('post_tag') } : { tags: null }),
    ...(typeof yoast.og_site_name === 'string' && { site_name: yoast.og_site_name }),
    ...(typeof yoast.canonical === 'string' && { canonical_url: yoast.canonical }),
  };
}
