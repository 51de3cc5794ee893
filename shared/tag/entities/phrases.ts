/**
 * Multi-word lexicons keyed by token keys, matched longest-first at a token position.
 */
import { nameKey } from '../../text/vietnamese';
import type { Token } from './tokens';

export class PhraseSet {
  /** First token key → phrases (as key arrays) starting with it, longest first. */
  private readonly byFirst = new Map<string, string[][]>();
  readonly keys = new Set<string>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const key = nameKey(phrase);
      this.keys.add(key);
      const parts = key.split(' ');
      const first = parts[0] ?? '';
      const list = this.byFirst.get(first) ?? [];
      list.push(parts);
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Length in tokens of the longest phrase starting at `i` (words only, no punctuation between), or 0. */
  matchAt(tokens: readonly Token[], i: number): number {
    const first = tokens[i];
    if (!first || first.kind === 'punct') return 0;
    const candidates = this.byFirst.get(first.key);
    if (!candidates) return 0;
    for (const parts of candidates) {
      let ok = true;
      for (let k = 1; k < parts.length; k++) {
        const t = tokens[i + k];
        if (!t || t.kind === 'punct' || t.key !== parts[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return parts.length;
    }
    return 0;
  }

  /** First-word keys of all phrases. */
  firsts(): string[] {
    return [...this.byFirst.keys()];
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }
}
