/**
 * What a page's markup says about a block: tags and class/id names that mark navigation, content, bylines,
 * captions and credits (Readability's regular expressions, with Vietnamese papers' names added).
 */

/** Never article text, wherever they are. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'aside',
  'form',
  'button',
  'iframe',
  'svg',
  'template',
  'select',
  'textarea',
  'input',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'link',
  'meta',
  'head',
  'title',
]);

/** Class or id of a block that is not the article: navigation, comments, share bars, related links. */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|newsletter|subscribe|cookie|recommend|most-?read|tin-?lien-?quan|box-?tin|tin-?khac|xem-?them|lien-?quan|tooltip|popover|hovercard|rollover|read-?more/i;
/** …unless it also says it holds the content. */
export const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;
/** Roles of blocks that are never the article. */
export const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);
export const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|detail|noidung/i;
export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|byline|author|credit|caption/i;
/**
 * Class or id of an element that shows the article's section, where a page has no breadcrumb: Tuổi Trẻ's
 * `detail-cate`, ZNews's `the-article-category`, `chuyen-muc`.
 */
export const CATEGORY_BLOCK = /(^|[\s_-])(cate|category|chuyen-?muc)([\s_-]|$)/i;
/** Class or id of an element that names the article's author (`author-name`, `the-article-author`, `byline`). */
export const AUTHOR_BLOCK = /byline|author|writtenby|tac-?gia/i;
/** A byline or credit line: its text goes to authors, not the body. */
export const BYLINE = /byline|author|dateline|writtenby|p-author|tac-?gia|nguon-?tin/i;
export const BYLINE_LINE = /^(?:[Bb]y|[Bb]ởi|[Tt]ác giả:?)\s+\p{Lu}/u;
/**
 * Class or id of a standfirst: the summary a page shows under its headline (VnExpress `description`, Dân trí
 * `singular-sapo`, `dek`, `abstract`, `subtitle`). Shown with the description meta tag's text, it is the lede.
 */
export const STANDFIRST =
  /sapo|standfirst|(^|[\s_-])(dek|lede|lead|description|abstract|subtitle|summary|excerpt|teaser|chapeau)([\s_-]|$)/i;
/** Class or id of an element that shows the publish date (`<span class="date">`, `time`, `publish-date`, `ngay-dang`). */
export const DATE_BLOCK =
  /(^|[\s_-])(date|time|datetime|date-?time|publish(ed)?|publish(ed)?-?date|pubdate|pdate|post-?date|ngay-?dang|thoi-?gian)([\s_-]|$)/i;
/** Class or id of a block listing the article's tags (`tags`, `tag-list`, `keywords`, `tu-khoa`): its links are keywords. */
export const TAG_LIST = /(^|[\s_-])(tags?|tag-?list|list-?tags?|box-?tags?|keywords?|tu-?khoa)([\s_-]|$)/i;
/** A short right-aligned line is where Vietnamese papers sign an article. */
export const RIGHT_ALIGNED = /text-align\s*:\s*right/i;
/** A block named like an image: the text it holds beside the image is a caption (see captions.ts). */
export const IMAGE_BLOCK = /(^|[\s_-])(image|photo|picture|img|inline-image|media-image)([\s_-]|$)/i;
export const CAPTION = /caption|image-desc|img-desc|photo-desc|chu-?thich|chu_thich/i;
export const CREDIT = /credit|copyright|source/i;
/**
 * Class of a social post embedded in the article (X/Twitter `twitter-tweet`, `instagram-media`, `tiktok-embed`,
 * Facebook `fb-post`): the post's own text, not the article's.
 */
export const EMBEDDED_POST =
  /(^|\s)(twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-post|fb-video|fb-xfbml-parse-ignore|threads-embed|zalo-embed|embed-social|social-embed)(\s|$)/i;
/** Class or id of a site's logo: its image's alt text names the site. */
export const LOGO = /(^|[\s_/-])logo([\s_.-]|$)/i;
/** A place stamped before a standfirst (VnExpress `<span class="location-stamp">Hà Nội</span>`): a dateline, not text. */
export const LOCATION_STAMP = /location-?stamp/i;
/** Blocks whose text stands alone as a paragraph. */
export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'header',
  'footer',
  'address',
  'hr',
  'br',
  'center',
]);
/** Paragraph-like blocks that are scored. */
export const SCORED = new Set(['p', 'pre', 'td', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);
