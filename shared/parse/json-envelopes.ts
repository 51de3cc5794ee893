/**
 * JSON shapes that wrap one article in their own envelope, reduced here to the plain object `json.ts`
 * reads (`title`, `content_html`, `summary`, `authors`, `categories`, `tags`, `site_name`…): a JSON Feed
 * (https://jsonfeed.org/version/1.1) holding one item, a Ghost Content API answer holding one post, a post
 * as the WordPress REST API gives it, an Arc XP ANS story and a NewsML-G2 item.
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

/** A Ghost Content API answer (`/ghost/api/content/posts/…`): `{posts: [{title, html, …}]}`. */
const isGhostAnswer = (v: Obj) =>
  Array.isArray(v.posts) && v.posts.some((p) => isObj(p) && typeof p.html === 'string');

/**
 * A Ghost Content API answer holding one post (https://ghost.org/docs/content-api/#posts) as a plain
 * article: the post's `custom_excerpt` as the lede (Ghost's own `excerpt` is the text's opening cut short),
 * its `html` as the body with the `feature_image_caption` as the first figure's caption, `primary_tag` as
 * the section and every tag as a keyword, its `canonical_url` (else its `url`) as the URL, and the site's
 * `settings.title` beside it as the publisher. An answer of several posts is several articles: `{error}`. Any
 * other object is returned as it is.
 */
export function ghostPost(v: Obj): Obj | { error: string } {
  if (!isGhostAnswer(v)) return v;
  const posts = (v.posts as Json[]).filter(isObj);
  if (posts.length !== 1)
    return { error: `The Ghost answer holds ${posts.length} posts: upload each article as its own file.` };
  const post = posts[0]!;
  const feature =
    typeof post.feature_image_caption === 'string' && post.feature_image_caption.trim()
      ? `<figure><figcaption>${post.feature_image_caption}</figcaption></figure>`
      : '';
  const tagNames = (Array.isArray(post.tags) ? post.tags : [])
    .filter(isObj)
    .map((t) => textOf(t.name))
    .filter((t): t is string => !!t);
  const section = isObj(post.primary_tag) ? textOf(post.primary_tag.name) : undefined;
  const site = isObj(v.settings) ? textOf(v.settings.title) : undefined;
  const {
    html: _html,
    excerpt: _excerpt,
    custom_excerpt: _custom,
    tags: _tags,
    primary_tag: _primary,
    ...rest
  } = post;
  return {
    ...rest,
    content_html: feature + String(post.html),
    ...(typeof post.custom_excerpt === 'string' &&
      post.custom_excerpt.trim() && { excerpt: post.custom_excerpt }),
    ...(section && { section }),
    ...(tagNames.length > 0 && { tags: tagNames }),
    ...(typeof post.canonical_url === 'string' && post.canonical_url && { url: post.canonical_url }),
    ...(site && { site_name: site }),
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

/** A string, or the text an object or a one-element list of objects holds (`{text}`, `{value}`, `{name}`). */
function textOf(x: Json | undefined): string | undefined {
  if (typeof x === 'string') return x.trim() ? x : undefined;
  if (Array.isArray(x)) return x.map(textOf).find(Boolean);
  if (isObj(x)) return textOf(x.text ?? x.value ?? x.name ?? x.basic);
  return undefined;
}

const escapeHtml = (s: string) =>
  s
    .replace(/&(?!#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** An Arc XP ANS story: `type: "story"` with `headlines` and `content_elements`. */
const isArcStory = (v: Obj) => v.type === 'story' && isObj(v.headlines) && Array.isArray(v.content_elements);

/**
 * An Arc XP ANS story (https://github.com/washingtonpost/ans-schema) as a plain article: `headlines.basic`, the
 * `description` (else the `subheadlines`) as the lede, the `credits.by` names as authors, `display_date` (the
 * date readers see; `publish_date` is the latest republication), `taxonomy.primary_section` as the section and its
 * `tags` as keywords, `source.name` as the publisher, and the text of its `content_elements`: `text` and `header`
 * elements as paragraphs, an `image`'s caption as a figure caption (its credits apart), a `list`'s items;
 * embeds (`raw_html`, `oembed_response`, `video`, `gallery`) carry no article text. Any other object is returned
 * as it is.
 */
export function arcStory(v: Obj): Obj {
  if (!isArcStory(v)) return v;
  const html = (v.content_elements as Json[])
    .filter(isObj)
    .map((el) => {
      const content = typeof el.content === 'string' ? el.content : '';
      if (el.type === 'text') return `<p>${content}</p>`;
      if (el.type === 'header') return `<h${Number(el.level) || 2}>${content}</h${Number(el.level) || 2}>`;
      if (el.type === 'image' && typeof el.caption === 'string' && el.caption.trim())
        return `<figure><figcaption>${el.caption}</figcaption></figure>`;
      if (el.type === 'list' && Array.isArray(el.items))
        return `<ul>${el.items
          .filter(isObj)
          .map((i) => `<li>${typeof i.content === 'string' ? i.content : ''}</li>`)
          .join('')}</ul>`;
      return '';
    })
    .join('\n');
  const credits = isObj(v.credits) && Array.isArray(v.credits.by) ? v.credits.by.filter(isObj) : [];
  const taxonomy = isObj(v.taxonomy) ? v.taxonomy : {};
  const tags = Array.isArray(taxonomy.tags) ? taxonomy.tags.map(textOf).filter((t): t is string => !!t) : [];
  const section = textOf(taxonomy.primary_section);
  const lede = textOf(v.description) ?? textOf(v.subheadlines);
  const published = [v.display_date, v.first_publish_date, v.publish_date].find((d) => typeof d === 'string');
  const {
    headlines: _h,
    description: _d,
    content_elements: _c,
    credits: _cr,
    taxonomy: _t,
    type: _type,
    ...rest
  } = v;
  return {
    ...rest,
    title: textOf(v.headlines) ?? '',
    ...(lede && { description: lede }),
    content_html: html,
    ...(credits.length > 0 && { authors: credits.map((c) => textOf(c.name) ?? '').filter(Boolean) }),
    ...(published !== undefined && { published_at: published }),
    ...(section && { section }),
    ...(tags.length > 0 && { tags }),
  };
}

/** NewsML-G2 as JSON: a `newsItem` (or its parts) with `itemMeta` and `contentMeta`. */
const newsItemOf = (v: Obj): Obj | null => {
  const item = isObj(v.newsItem) ? v.newsItem : v;
  return isObj(item.itemMeta) && isObj(item.contentMeta) ? item : null;
};

/**
 * A NewsML-G2 news item written as JSON (https://iptc.org/standards/newsml-g2/) as a plain article: the
 * `contentMeta` `headline`, its `drol:summary` `description` as the lede, `creator` names as authors, `subject`
 * names as the section, `keyword`s; `itemMeta.firstCreated` (a later `versionCreated` is a revision), the
 * `provider` (else the `creditline`, the copyright holder) as publisher, the `irel:canonical` link as the URL;
 * the text of `contentSet` (`inlineXML`'s XHTML or `inlineData`'s text). Any other object is returned as it is.
 */
export function newsMlItem(v: Obj): Obj {
  const item = newsItemOf(v);
  if (!item) return v;
  const meta = item.itemMeta as Obj;
  const content = item.contentMeta as Obj;
  const descriptions = Array.isArray(content.description) ? content.description.filter(isObj) : [];
  const summary =
    textOf(descriptions.find((d) => d.role === 'drol:summary')) ??
    (descriptions.length === 0 ? textOf(content.description) : textOf(descriptions[0]));
  const creators = (Array.isArray(content.creator) ? content.creator : [content.creator])
    .filter(isObj)
    .filter((c) => c.role === undefined || /author|writer/i.test(String(c.role)));
  const subjects = (Array.isArray(content.subject) ? content.subject : []).map(textOf);
  const keywords = (Array.isArray(content.keyword) ? content.keyword : []).map(textOf);
  const links = (Array.isArray(meta.link) ? meta.link : [meta.link]).filter(isObj);
  const canonical = links.find((l) => /canonical/i.test(String(l.rel)) && typeof l.href === 'string');
  const set = isObj(item.contentSet) ? item.contentSet : {};
  const inline = isObj(set.inlineXML) ? set.inlineXML : isObj(set.inlineData) ? set.inlineData : undefined;
  const body =
    typeof set.inlineXML === 'string'
      ? set.inlineXML
      : typeof set.inlineData === 'string'
        ? `<p>${escapeHtml(set.inlineData).replace(/\n\s*\n/g, '</p><p>')}</p>`
        : inline
          ? Object.entries(inline).find(
              ([k, x]) => typeof x === 'string' && k !== 'contenttype' && /</.test(x),
            )?.[1]
          : undefined;
  const rights = isObj(item.rightsInfo) ? item.rightsInfo : {};
  const published = [meta.firstCreated, content.contentCreated, meta.versionCreated].find(
    (d) => typeof d === 'string',
  );
  const publisher = textOf(meta.provider) ?? textOf(content.creditline) ?? textOf(rights.copyrightHolder);
  const language = textOf(isObj(content.language) ? content.language.tag : content.language);
  return {
    title: textOf(content.headline) ?? '',
    ...(summary && { description: summary }),
    ...(typeof body === 'string' && { content_html: body }),
    ...(creators.length > 0 && { authors: creators.map((c) => textOf(c.name) ?? '').filter(Boolean) }),
    ...(published !== undefined && { published_at: published }),
    ...(subjects.some(Boolean) && { section: subjects.filter((s): s is string => !!s) }),
    ...(keywords.some(Boolean) && { tags: keywords.filter((s): s is string => !!s) }),
    ...(publisher && { publisher }),
    ...(canonical && { url: canonical.href }),
    ...(language && { language }),
  };
}
