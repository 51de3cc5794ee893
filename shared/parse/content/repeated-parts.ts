/**
 * An article split into several containers of one kind, with ads or pull quotes between them (Wired's
 * `article__body` chunks, each in its own grid row): the blocks near the winner with its tag and class that
 * read as prose join it, in page order.
 */
import { attr, type Element, isElement, linkDensity, measured } from './dom';
import { isUnlikely } from './weights';

/** How far above the winner's parent to look for its other parts. */
const LEVELS = 3;

export function withRepeatedParts(top: Element, roots: readonly Element[], byName: boolean): Element[] {
  const kind = signature(top);
  if (kind === null) return [...roots];
  const chosen = new Set(roots);
  let scope = top.parent && isElement(top.parent) ? top.parent : null;
  for (let level = 0; level < LEVELS && scope; level++) {
    scope = scope.parent && isElement(scope.parent) && scope.parent.name !== 'html' ? scope.parent : null;
    if (!scope) break;
    const parts: Element[] = [];
    let found = false;
    const visit = (el: Element) => {
      for (const child of el.children) {
        if (!isElement(child) || isUnlikely(child, byName)) continue;
        if (chosen.has(child)) parts.push(child);
        else if (signature(child) === kind && readsAsProse(child)) {
          parts.push(child);
          found = true;
        } else visit(child);
      }
    };
    visit(scope);
    if (found) return parts;
  }
  return [...roots];
}

/** Tag and class, when the class names the block (a bare tag says nothing about its role). */
function signature(el: Element): string | null {
  const cls = attr(el, 'class').trim();
  return cls ? `${el.name}.${cls}` : null;
}

function readsAsProse(el: Element): boolean {
  return measured(el).chars > 0 && linkDensity(el) < 0.33;
}
