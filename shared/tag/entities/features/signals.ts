/**
 * Per-token signals the features read: the rule tagger's reading (its mentions mapped back onto token
 * positions), word lexicons (surnames, organisation heads, person and admin cues) and the place
 * gazetteer's longest matches. Plain arrays, one value per token.
 */
import type { Entities } from '../../../model/article';
import { hashWord } from '../../../text/spellings';
import { lookupPlaceParts, MAX_PLACE_SYLLABLES, mayStartPlace, type PlaceKind } from '../places/index';
import { Shape, type Spelling, type TokenArrays, tokenize } from '../tokens/index';
import { lexiconKeys } from './lexicon-keys';

export interface TokenSignals {
  /** The rules' reading: per type 0 outside, 1 first token, 2 inside; person + 3·organisation + 9·place. */
  rule: Uint8Array;
  /** Lexicon bits of the token's word (see `GazetteerBit`). */
  gazetteer: Uint8Array;
  /** Longest place-gazetteer match: 0 none, else 1 first / 2 inside, + 2·kind. */
  place: Uint8Array;
}

export const GazetteerBit = {
  surname: 1,
  orgHead: 2,
  personCue: 4,
  adminCue: 8,
  placeStart: 16,
  lowerOrgHead: 32,
  nationality: 64,
} as const;

function keysOf(phrase: string): string[] {
  const t = tokenize(phrase);
  return t.spelling.map((s) => s.key);
}

/** `keysOf` for the rules' entity names, which repeat across articles (bounded, read-only arrays). */
const nameKeys = new Map<string, readonly string[]>();
function nameKeysOf(name: string): readonly string[] {
  let keys = nameKeys.get(name);
  if (keys === undefined) {
    keys = keysOf(name);
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(name, keys);
  }
  return keys;
}

/** Word → lexicon bits, from the lexicons' keys (computed by the data build, ./lexicon-keys.ts). */
let wordBitsTable: Map<string, number> | null = null;
export function wordBits(): Map<string, number> {
  if (wordBitsTable) return wordBitsTable;
  const keys = lexiconKeys();
  const table = new Map<string, number>();
  const addBits = (words: Iterable<string>, bit: number): void => {
    for (const w of words) table.set(w, (table.get(w) ?? 0) | bit);
  };
  addBits(keys.surname, GazetteerBit.surname);
  addBits(keys.orgHead, GazetteerBit.orgHead);
  addBits(keys.personCue, GazetteerBit.personCue);
  addBits(keys.adminCue, GazetteerBit.adminCue);
  addBits(keys.lowerOrgHead, GazetteerBit.lowerOrgHead);
  addBits(keys.nationality, GazetteerBit.nationality);
  wordBitsTable = table;
  return table;
}

/** A spelling's lexicon bits, kept on the spelling (made once per container) after the first look-up. */
function bitsOf(s: Spelling): number {
  if (s.lexiconBits < 0)
    s.lexiconBits = (wordBits().get(s.key) ?? 0) | (mayStartPlace(s.key) ? GazetteerBit.placeStart : 0);
  return s.lexiconBits;
}

const KIND_CODE: Record<PlaceKind, number> = {
  province: 0,
  'former-province': 1,
  commune: 2,
  'former-commune': 2,
  world: 3,
};

function isWordShape(shape: number): boolean {
  return shape !== Shape.punct;
}

/**
 * The keys of up to `MAX_PLACE_SYLLABLES` syllables from one token, and the `featureHash` (FNV-1a, as the
 * place table hashes a key) and length of each prefix of them joined by spaces: the table is probed with
 * these, so no joined key is built.
 */
const prefixParts: string[] = [];
const prefixHashes = new Int32Array(64);
const prefixLengths = new Int32Array(64);
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function foldKey(hash: number, key: string): number {
  let h = hash;
  for (let c = 0; c < key.length; c++) h = Math.imul(h ^ key.charCodeAt(c), FNV_PRIME);
  return h;
}

/** `gazetteer`: the tokens' lexicon bits, whose `placeStart` bit is `mayStartPlace` of the token's key. */
function placeSignals(tokens: TokenArrays, gazetteer: Uint8Array): Uint8Array {
  const n = tokens.count;
  const out = new Uint8Array(n);
  const sp = tokens.spelling;
  for (let i = 0; i < n; i++) {
    if (((gazetteer[i] as number) & GazetteerBit.placeStart) === 0) continue;
    const s = sp[i];
    if (!s?.cap) continue;
    let count = 1;
    prefixParts[0] = s.key;
    prefixHashes[0] = foldKey(FNV_BASIS, s.key);
    prefixLengths[0] = s.key.length;
    for (let k = 1; k < MAX_PLACE_SYLLABLES && i + k < n; k++) {
      const next = sp[i + k];
      if (!next || !isWordShape(next.shape) || tokens.glued[i + k]) break;
      prefixParts[count] = next.key;
      prefixHashes[count] = foldKey(Math.imul((prefixHashes[count - 1] as number) ^ 32, FNV_PRIME), next.key);
      prefixLengths[count] = (prefixLengths[count - 1] as number) + 1 + next.key.length;
      count++;
    }
    let best = 0;
    let kind = 0;
    for (let len = count; len >= 1; len--) {
      const info = lookupPlaceParts(
        (prefixHashes[len - 1] as number) >>> 0,
        prefixLengths[len - 1] as number,
        prefixParts,
        len,
      );
      if (info) {
        best = len;
        kind = KIND_CODE[info.kind];
        break;
      }
    }
    if (best === 0) continue;
    out[i] = 1 + 2 * kind;
    for (let k = 1; k < best; k++) out[i + k] = 2 + 2 * kind;
    i += best - 1;
  }
  return out;
}

/** Token keys of each name the rules found, by type, as a first-key index. */
export interface RuleNames {
  byFirst: Map<string, { type: number; keys: readonly string[] }[]>;
  /**
   * A bit per first key's hash (`Spelling.hash`, `FIRST_HASH_BITS` of it): a token whose bit is clear starts
   * no name, and is passed over without reading its key.
   */
  firstHashes: Int32Array;
}

const FIRST_HASH_BITS = 12;
const firstHashBit = (hash: number): number => hash & ((1 << FIRST_HASH_BITS) - 1);

const TYPE_ORDER = ['person', 'organization', 'place'] as const;

/** Indexes the rules' entity names (and their nested places) for `ruleSignals`. */
export function ruleNames(entities: Entities): RuleNames {
  const byFirst = new Map<string, { type: number; keys: readonly string[] }[]>();
  TYPE_ORDER.forEach((type, t) => {
    for (const e of entities[type]) {
      const keys = nameKeysOf(e.name);
      const first = keys[0];
      if (!first) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ type: t, keys });
      byFirst.set(first, list);
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  const firstHashes = new Int32Array(1 << (FIRST_HASH_BITS - 5));
  for (const first of byFirst.keys()) {
    const bit = firstHashBit(hashWord(first));
    firstHashes[bit >>> 5] = (firstHashes[bit >>> 5] as number) | (1 << (bit & 31));
  }
  return { byFirst, firstHashes };
}

const TYPE_WEIGHT = [1, 3, 9];

function ruleSignals(tokens: TokenArrays, names: RuleNames): Uint8Array {
  const n = tokens.count;
  const perType = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)];
  const sp = tokens.spelling;
  const { hash } = tokens;
  const { firstHashes } = names;
  for (let i = 0; i < n; i++) {
    const bit = firstHashBit(hash[i] as number);
    if (((firstHashes[bit >>> 5] as number) & (1 << (bit & 31))) === 0) continue;
    const s = sp[i];
    if (!s) continue;
    const candidates = names.byFirst.get(s.key);
    if (!candidates) continue;
    for (const c of candidates) {
      const marks = perType[c.type] as Uint8Array;
      if (marks[i] !== 0 || i + c.keys.length > n) continue;
      let ok = true;
      for (let k = 1; k < c.keys.length; k++) {
        if (sp[i + k]?.key !== c.keys[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      marks[i] = 1;
      for (let k = 1; k < c.keys.length; k++) marks[i + k] = 2;
    }
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    out[i] =
      (perType[0]?.[i] ?? 0) * (TYPE_WEIGHT[0] ?? 1) +
      (perType[1]?.[i] ?? 0) * (TYPE_WEIGHT[1] ?? 3) +
      (perType[2]?.[i] ?? 0) * (TYPE_WEIGHT[2] ?? 9);
  return out;
}

export function tokenSignals(tokens: TokenArrays, names: RuleNames): TokenSignals {
  const gazetteer = new Uint8Array(tokens.count);
  const known = tokens.lexiconBits;
  for (let i = 0; i < tokens.count; i++) {
    // Known when tokenised for all but a spelling's first texts: its spelling is then not read again.
    const bits = known[i] as number;
    if (bits >= 0) gazetteer[i] = bits;
    else {
      const s = tokens.spelling[i];
      if (s) gazetteer[i] = bitsOf(s);
    }
  }
  return { rule: ruleSignals(tokens, names), gazetteer, place: placeSignals(tokens, gazetteer) };
}
