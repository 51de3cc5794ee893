/** How much a block's tag and names say it is (or is not) the article, as Readability weighs them. */
import { attr, type Element, isHidden, marker } from './dom';
import { MAYBE_CANDIDATE, NEGATIVE, POSITIVE, SKIP_TAGS, UNLIKELY, UNLIKELY_ROLES } from './patterns';

/** Whether the block and all it holds is never article text: skipped tags, hidden, navigation by its names. */
export function isUnlikely(el: Element, byName = true): boolean {
  if (SKIP_TAGS.has(el.name) || isHidden(el)) return true;
  if (UNLIKELY_ROLES.has(attr(el, 'role'))) return true;
  if (!byName || el.name === 'body' || el.name === 'article' || el.name === 'main') return false;
  const names = marker(el);
  return names.length > 1 && UNLIKELY.test(names) && !MAYBE_CANDIDATE.test(names);
}

/** Readability's class weight: +25 for names that say content, −25 for names that say anything else. */
export function classWeight(el: Element): number {
  let weight = 0;
  for (const name of [attr(el, 'class'), attr(el, 'id')]) {
    if (!name) continue;
    if (NEGATIVE.test(name)) weight -= 25;
    if (POSITIVE.test(name)) weight += 25;
  }
  return weight;
}

export function tagWeight(el: Element): number {
  switch (el.name) {
    case 'div':
    case 'article':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}
