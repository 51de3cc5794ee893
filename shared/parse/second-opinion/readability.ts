/**
 * The second opinion's chunk (see ./index.ts): Readability.js (`@mozilla/readability`, Apache-2.0) over
 * linkedom (ISC). Bundled apart from the ingest Lambda's code and imported only for web pages.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanLine } from '../lines';
import type { SecondOpinion } from './index';

/** Elements whose text stands apart as a paragraph. */
const BLOCK =
  /^(P|H[1-6]|LI|BLOCKQUOTE|PRE|TD|TH|DT|DD|DIV|SECTION|ARTICLE|MAIN|UL|OL|DL|TABLE|TR|FIGURE|HEADER|FOOTER|HR)$/;
/** Not body text: a caption goes to captions, never to the body. */
const LEFT_OUT = /^(FIGCAPTION|SCRIPT|STYLE|NOSCRIPT)$/;

interface DomNode {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export const secondOpinion: SecondOpinion = (html) => {
  try {
    const { document } = parseHTML(html);
    const article = new Readability<DomNode>(document as never, {
      serializer: (el) => el as DomNode,
    }).parse();
    return article?.content ? paragraphsOf(article.content) : [];
  } catch {
    return []; // a page Readability cannot read keeps our own extraction
  }
};

/** The text of each block, as a browser lays it out: inline text joined, a block or `<br>` ending a line. */
function paragraphsOf(root: DomNode): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    const text = cleanLine(inline.replace(/\s+/g, ' '));
    if (text) out.push(text);
    inline = '';
  };
  const walk = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) inline += child.textContent ?? '';
      else if (child.nodeType === 1 && child.tagName) {
        if (LEFT_OUT.test(child.tagName)) continue;
        if (child.tagName === 'BR') inline += ' ';
        const block = BLOCK.test(child.tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return out;
}
