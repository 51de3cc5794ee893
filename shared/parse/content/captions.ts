/**
 * Captions: a `figcaption` or a block named like one, and a small block named like an image that holds one
 * (CTV's `<div class="image"><img><p>In this file photo, …</p></div>`). Their text goes to captions without
 * the credit element it may carry.
 */
import { type AnyNode, type Element, htmlText, isElement, marker, measured } from './dom';
import { BLOCK_TAGS, CAPTION, CREDIT, IMAGE_BLOCK, SKIP_TAGS } from './patterns';

/** More text than this, and a block named like an image holds more than its caption. */
const MAX_IMAGE_BLOCK_CHARS = 400;

export function isCaption(el: Element): boolean {
  if (el.name === 'figcaption') return true;
  const names = marker(el);
  return names.length > 1 && CAPTION.test(names);
}

export function isImageBlock(el: Element): boolean {
  const names = marker(el);
  if (names.length <= 1 || !IMAGE_BLOCK.test(names)) return false;
  const { chars } = measured(el);
  return chars > 0 && chars <= MAX_IMAGE_BLOCK_CHARS && holdsImage(el) && paragraphsIn(el) <= 1;
}

function holdsImage(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (c.name === 'img' || c.name === 'picture' || holdsImage(c)));
}

function paragraphsIn(el: Element): number {
  let n = 0;
  for (const c of el.children) if (isElement(c)) n += (c.name === 'p' ? 1 : 0) + paragraphsIn(c);
  return n;
}

/** A caption's text without the image credit it carries in its own element (`<span class="credit">`). */
export function captionText(el: Element): string {
  let text = '';
  const walk = (node: AnyNode) => {
    if ('data' in node && node.type === 'text') text += node.data;
    else if (isElement(node) && !SKIP_TAGS.has(node.name) && !CREDIT.test(marker(node)))
      for (const c of node.children) walk(c);
    if (isElement(node) && BLOCK_TAGS.has(node.name)) text += ' ';
  };
  walk(el);
  return htmlText(text);
}
