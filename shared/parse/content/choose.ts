/**
 * The article's text on a web page, chosen by scoring content blocks as Readability does
 * (mozilla/readability, `_grabArticle`): each paragraph scores by its length and commas, passes its score
 * to its parent (whole) and grandparent (half), containers are weighted by what their class and id say and
 * discounted by how much of their text is links, the best container wins and takes the siblings that read
 * like it. Runs over the htmlparser2 DOM the parser already builds.
 */
import { textContent } from 'domutils';

import {
  ancestorsOf,
  attr,
  type Element,
  hasBlockChild,
  htmlText,
  isElement,
  linkDensity,
  measured,
} from './dom';
import { SCORED } from './patterns';
import { withRepeatedParts } from './repeated-parts';
import { classWeight, isUnlikely, tagWeight } from './weights';

export interface ChosenContent {
  /** The elements whose text is the article, in page order. */
  roots: Element[];
  /** The best-scoring block and its ancestors: never cleaned away as clutter. */
  keep: ReadonlySet<Element>;
  /** False when blocks named like navigation were read too (see chooseContent). */
  byName?: boolean;
}

/**
 * The container of the article: the best-scoring block and the siblings that read like it.
 * `within` limits the search (an element that says it holds the article body, e.g. microdata's articleBody).
 */
export function chooseContent(body: Element): ChosenContent {
  const strict = chooseContentBy(body, true);
  // As Readability retries: a page whose article sits in a block named like a sidebar (VnExpress's
  // `sidebar-1` column) yields almost nothing when such blocks are skipped; then names are not trusted.
  if (strict.roots.reduce((n, r) => n + likelyChars(r), 0) >= RETRY_BELOW_CHARS) return strict;
  const loose = chooseContentBy(body, false);
  return { ...loose, byName: false };
}

/** Characters of text in a block, leaving out the blocks named like navigation. */
function likelyChars(el: Element): number {
  let n = 0;
  for (const c of el.children) {
    if ('data' in c && c.type === 'text') n += c.data.trim().length;
    else if (isElement(c) && !isUnlikely(c)) n += likelyChars(c);
  }
  return n;
}

/** Fewer characters than this in the chosen blocks, and the choice is made again without trusting names. */
const RETRY_BELOW_CHARS = 500;

function chooseContentBy(body: Element, byName: boolean): ChosenContent {
  const scores = new Map<Element, number>();
  const candidates: Element[] = [];
  const initialise = (el: Element) => {
    if (!scores.has(el)) {
      scores.set(el, tagWeight(el) + classWeight(el));
      candidates.push(el);
    }
  };
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (!isElement(child) || isUnlikely(child, byName)) continue;
      const scored = SCORED.has(child.name) || (child.name === 'div' && !hasBlockChild(child));
      if (scored) {
        const m = measured(child);
        if (m.chars >= 25) {
          const score = 1 + m.commas + Math.min(Math.floor(m.chars / 100), 3);
          let ancestor: Element | null = child.parent && isElement(child.parent) ? child.parent : null;
          for (let level = 0; ancestor && level < 5; level++) {
            if (ancestor.name === 'html' || ancestor.name === undefined) break;
            initialise(ancestor);
            const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
            scores.set(ancestor, scores.get(ancestor)! + score / divider);
            ancestor = ancestor.parent && isElement(ancestor.parent) ? ancestor.parent : null;
          }
        }
        if (child.name !== 'div' && child.name !== 'section' && child.name !== 'td') continue;
      }
      visit(child);
    }
  };
  visit(body);
  if (candidates.length === 0) return { roots: byName ? [] : [body], keep: new Set() };

  let top: Element = body;
  let topScore = -Infinity;
  const final = new Map<Element, number>();
  for (const el of candidates) {
    const score = scores.get(el)! * (1 - linkDensity(el));
    final.set(el, score);
    if (score > topScore) {
      top = el;
      topScore = score;
    }
  }

  // The winner, and any block of prose that scores nearly as well, are never cleaned away as clutter.
  const keep = new Set<Element>();
  for (const [el, score] of final) {
    if (el !== top && (score < Math.max(10, topScore * 0.5) || linkDensity(el) >= 0.25)) continue;
    keep.add(el);
    for (const a of ancestorsOf(el)) keep.add(a);
  }
  // When the runners-up sit in one ancestor of the winner, the article is that ancestor (split into parts).
  const ranked = [...final].sort((a, b) => b[1] - a[1]).slice(1, 5);
  const alternatives = ranked.filter(([, s]) => s >= topScore * 0.75).map(([el]) => ancestorsOf(el));
  for (
    let parent = top.parent;
    parent && isElement(parent) && parent.name !== 'body';
    parent = parent.parent
  ) {
    if (
      alternatives.filter((list) => list.has(parent as Element)).length >= Math.min(3, alternatives.length)
    ) {
      if (alternatives.length >= 3) top = parent;
      break;
    }
  }
  // A parent that scores nearly as well holds more of the article.
  let lastScore = final.get(top) ?? topScore;
  const floor = lastScore / 3;
  for (
    let parent = top.parent;
    parent && isElement(parent) && parent.name !== 'body';
    parent = parent.parent
  ) {
    const score = final.get(parent);
    if (score === undefined) continue;
    if (score < floor) break;
    if (score > lastScore) {
      top = parent;
      lastScore = score;
    }
  }
  while (
    top.parent &&
    isElement(top.parent) &&
    top.parent.name !== 'body' &&
    top.parent.children.filter(isElement).length === 1
  )
    top = top.parent;

  // Siblings that read like the article join it.
  const parent = top.parent && isElement(top.parent) ? top.parent : null;
  if (!parent) return { roots: [top], keep: unprotectNamedClutter(keep, top) };
  const threshold = Math.max(10, (final.get(top) ?? topScore) * 0.2);
  const topClass = attr(top, 'class');
  const roots: Element[] = [];
  for (const sibling of parent.children) {
    if (!isElement(sibling)) continue;
    if (sibling === top) {
      roots.push(sibling);
      continue;
    }
    if (isUnlikely(sibling, byName)) continue;
    const bonus = topClass !== '' && attr(sibling, 'class') === topClass ? (final.get(top) ?? 0) * 0.2 : 0;
    const score = final.get(sibling);
    if (score !== undefined && score + bonus >= threshold) {
      roots.push(sibling);
      continue;
    }
    if (sibling.name === 'p') {
      const m = measured(sibling);
      const density = linkDensity(sibling);
      if (m.chars > 80 && density < 0.25) roots.push(sibling);
      else if (
        m.chars > 0 &&
        m.chars <= 80 &&
        density === 0 &&
        /\.( |$)/.test(htmlText(textContent(sibling)))
      )
        roots.push(sibling);
    }
  }
  return { roots: withRepeatedParts(top, roots, byName), keep: unprotectNamedClutter(keep, top) };
}

/**
 * A block whose class or id names it as something else (a widget, promo, newsletter box) is cleaned as
 * clutter even when it holds prose, unless it holds the article: the winner, or most of the winner's text
 * (page builders name every wrapper a widget).
 */
function unprotectNamedClutter(keep: Set<Element>, top: Element): Set<Element> {
  const spine = ancestorsOf(top);
  const half = measured(top).chars / 2;
  for (const el of keep)
    if (el !== top && !spine.has(el) && classWeight(el) < 0 && measured(el).chars < half) keep.delete(el);
  return keep;
}
