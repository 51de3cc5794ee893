/**
 * Multi-word lexicons keyed by token keys, matched longest-first at a token position.
 */
import { nameKey } from '../../text/vietnamese';
import type { Token } from './tokens';

/** Phrase sets made so far: each one's number indexes its cache slot on a token's key. */
let phraseSets = 0;

export class PhraseSet {
  /** First token key → phrases (as key arrays) starting with it, longest first. */
  private readonly byFirst = new Map<string, string[][]>();
  readonly keys = new Set<string>();
  /** Slot of this set in `KeySeen.phrases`, where a key keeps its candidates once looked up. */
  private readonly id = phraseSets++;

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
    // Each key remembers its candidates per set: tokens repeat, and this is called for most of them.
    const cache = first.seen.phrases;
    let candidates = cache[this.id];
    if (candidates === undefined) {
      candidates = this.byFirst.get(first.key) ?? null;
      cache[this.id] = candidates;
    }
    if (candidates === null) return 0;
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
