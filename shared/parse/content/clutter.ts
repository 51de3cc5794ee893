import { type AnyNode, type Element, isElement, linkDensity, measured } from './dom';
import { classWeight } from './weights';

/**
 * Readability's `_cleanConditionally`: a list, table or division inside the article that looks like
 * navigation, a gallery or a related-links box (many links, few words, more images than paragraphs).
 */
export function looksLikeClutter(el: Element): boolean {
  const weight = classWeight(el);
  if (weight < 0) return true;
  const m = measured(el);
  if (m.commas >= 10) return false;
  const isList = el.name === 'ul' || el.name === 'ol';
  let paragraphs = 0;
  let images = 0;
  let items = 0;
  let inputs = 0;
  let embeds = 0;
  const count = (node: AnyNode) => {
    if (!isElement(node)) return;
    if (node.name === 'p') paragraphs++;
    else if (node.name === 'img') images++;
    else if (node.name === 'li') items++;
    else if (node.name === 'input') inputs++;
    else if (node.name === 'iframe' || node.name === 'embed' || node.name === 'object') embeds++;
    for (const c of node.children) count(c);
  };
  for (const c of el.children) count(c);
  const density = linkDensity(el);
  // A block with several paragraphs of prose is the article itself, whatever embeds and images sit in it.
  if (paragraphs >= 3 && m.chars > 500 && density < 0.25 && weight >= 0) return false;
  if (images > 1 && paragraphs / images < 0.5) return true;
  if (!isList && items > paragraphs + 1 && density > 0.2) return true;
  if (inputs > Math.floor(paragraphs / 3)) return true;
  if (!isList && m.chars < 25 && (images === 0 || images > 2) && density > 0) return true;
  if (!isList && weight < 25 && density > 0.2) return true;
  if (weight >= 25 && density > 0.5) return true;
  if ((embeds === 1 && m.chars < 75) || embeds > 1) return true;
  if (isList && density > 0.5) return true;
  return false;
}
