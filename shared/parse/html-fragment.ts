/**
 * An HTML body that a JSON record declares as its article (ninjs `bodies`, `body_html`): no page around it to
 * choose from, so every block is article text except what its markup says is not (scripts, navigation,
 * share and related boxes); captions are set apart. A whole web page goes through ./html.ts instead.
 */
import { getElementsByTagName, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { cleanLine } from './lines';

type Element = ReturnType<typeof getElementsByTagName>[number];
type AnyNode = Element['children'][number];

const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'iframe',
  'svg',
  'template',
  'select',
]);
const BOILERPLATE =
  /(^|[\s_-])(nav|menu|breadcrumbs?|footer|header|sidebar|related|relate|comment|comments|share|social|advert|ads?|banner|promo|newsletter|subscribe|tags?|author-box|popup|cookie|recommend|most-?read|tin-?lien-?quan|box-?tin)([\s_-]|$)/i;
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'li', 'blockquote', 'pre', 'div', 'section', 'td']);

function attr(el: Element, name: string): string | undefined {
  return el.attribs?.[name];
}

function isBoilerplate(el: Element): boolean {
  if (SKIP_TAGS.has(el.name)) return true;
  const marker = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''} ${attr(el, 'role') ?? ''}`;
  return BOILERPLATE.test(marker) || attr(el, 'aria-hidden') === 'true' || attr(el, 'hidden') !== undefined;
}

export function parseHtmlFragment(html: string): { paragraphs: string[]; captions: string[] } {
  const doc = parseDocument(`<article>${html}</article>`, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const h1 = getElementsByTagName('h1', doc)[0];
  const title = h1 ? cleanLine(textContent(h1)) || null : null;
  const paragraphs: string[] = [];
  const captions: string[] = [];
  collect(doc.children, paragraphs, captions, title);
  return { paragraphs, captions };
}

function collect(nodes: AnyNode[], paragraphs: string[], captions: string[], title: string | null): void {
  for (const node of nodes) {
    if (!('name' in node)) continue;
    const el = node as Element;
    if (isBoilerplate(el) || el.name === 'h1') continue;
    if (el.name === 'figcaption' || /caption/i.test(attr(el, 'class') ?? '')) {
      const t = cleanLine(textContent(el));
      if (t) captions.push(t);
      continue;
    }
    if (el.name === 'figure' || (el.name === 'table' && /image|photo|pic/i.test(attr(el, 'class') ?? ''))) {
      collect(el.children, [], captions, title);
      continue;
    }
    const hasBlockChild = el.children.some((c) => 'name' in c && BLOCKS.has((c as Element).name));
    if (BLOCKS.has(el.name) && !hasBlockChild) {
      const t = cleanLine(textContent(el));
      if (t && t !== title && /[\p{L}\p{N}]/u.test(t)) paragraphs.push(t);
      continue;
    }
    collect(el.children, paragraphs, captions, title);
  }
}
