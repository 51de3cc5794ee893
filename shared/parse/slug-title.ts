/**
 * A headline rebuilt from its URL slug (`gia-vang-tang-xuat-hien-nhieu-yeu-to-ho-tro-moi`): the slug's
 * syllables lost their marks, so each has several candidate spellings, and the whole title is decoded at
 * once (beam search over candidates) under a syllable bigram language model (interpolated Kneser-Ney,
 * data/title-lm.generated.json) mixed with the article's own text as a cache: how the article writes each
 * slug pair and triple (a Dirichlet mixture, so a few sightings in the text outweigh the model), and how
 * much more often than the model expects it writes each syllable (`articleBoost`).
 * Capitals come back from the article too: names and places as it writes them, acronyms in upper case.
 */

import { isWordCharAt, searchKey } from '../text/vietnamese';
import { isVietnameseSyllable } from './encoding';
import { type SyllableLm, syllableLm } from './syllable-lm';
import { END, NUMBER, START } from './syllable-text';
import { articlePhrases, type PhraseForms, slugWords } from './url';

/** Settings of the decoder, chosen on the tuning half of the evaluation titles (eval/title-eval.ts). */
export interface DecodeSettings {
  /** Kneser-Ney discount. */
  discount: number;
  /** Weight of the language model against the article's counts (Dirichlet prior mass). */
  prior: number;
  /** Weights of a sighting in the article of the pair ending in a syllable, the triple ending in it. */
  bigram: number;
  trigram: number;
  beam: number;
  /** The model's most frequent forms of a syllable tried (the article's are always tried). */
  candidates: number;
  /** Shortest phrase the article writes one way only that settles its syllables without search. */
  settle: number;
  /** Log-penalty of a form the article never writes for a slug word it does write. */
  absent: number;
  /** Exponent of the article's boost of a syllable it writes more often than the model expects. */
  boost: number;
  /** Pseudo-count that smooths that boost. */
  boostPrior: number;
  /** Weight of the model's odds that the title ends after its last syllable. */
  end: number;
}

export const DEFAULT_SETTINGS: DecodeSettings = {
  discount: 0.9,
  prior: 8,
  bigram: 0.5,
  trigram: 6,
  beam: 16,
  candidates: 20,
  settle: 2,
  absent: 1,
  boost: 0.5,
  boostPrior: 0.5,
  end: 1,
};

/**
 * The article's sightings of one slug phrase, lower-cased and grouped by all but its last word:
 * `context` (`"yếu"` for pairs, `"nhiều yếu"` for triples) → its total and the counts of each last word.
 */
interface Sightings {
  total: number;
  last: Map<string, number>;
}

function sightings(forms: ReadonlyMap<string, number> | undefined): Map<string, Sightings> {
  const out = new Map<string, Sightings>();
  if (!forms) return out;
  for (const [form, n] of forms) {
    const lower = form.toLowerCase();
    const cut = lower.lastIndexOf(' ');
    const context = cut < 0 ? '' : lower.slice(0, cut);
    const word = lower.slice(cut + 1);
    let s = out.get(context);
    if (!s) {
      s = { total: 0, last: new Map() };
      out.set(context, s);
    }
    s.total += n;
    s.last.set(word, (s.last.get(word) ?? 0) + n);
  }
  return out;
}

const NONE: Sightings = { total: 0, last: new Map() };

/** A partial decoding: its last word, the one before (for the triple cache), its score, its back pointer. */
interface Hypothesis {
  word: string;
  id: number;
  /** Which of its position's candidates the word is. */
  k: number;
  score: number;
  back: Hypothesis | null;
}

/** Candidate spellings of one slug word: the model's forms and the article's, else the word as it is. */
function candidates(
  word: string,
  article: ReadonlyMap<string, number>,
  lm: SyllableLm,
  limit: number,
): readonly string[] {
  if (/\d/.test(word)) return [word];
  // The model's forms come most frequent first; rare ones seldom win and cost time.
  const model = lm.mostFrequentForms(word, limit);
  let out: string[] | undefined;
  for (const form of article.keys()) {
    if (model.includes(form)) continue;
    out ??= [...model];
    out.push(form);
  }
  const forms = out ?? model;
  return forms.length === 0 ? [word] : forms;
}

/**
 * Syllables the article settles on its own: inside a phrase of `minWords` or more slug words that the
 * article writes one way only (once lower-cased), the phrase's spelling is taken and not searched, unless
 * the article's phrases over that syllable more often spell it another way (`vay nặng lãi` five times
 * outvotes one `nặng lại hàng`).
 */
function settledByArticle(
  slug: readonly string[],
  forms: PhraseForms,
  minWords: number,
): (string | undefined)[] {
  const out = new Array<string | undefined>(slug.length);
  const votes = slug.map(() => new Map<string, number>());
  const only = new Map<number, string>();
  for (let n = 4; n >= minWords; n--) {
    for (let start = 0; start + n <= slug.length; start++) {
      const written = forms(start, n);
      if (!written) continue;
      let one: string | undefined;
      let mixed = false;
      for (const [form, count] of written) {
        const lower = form.toLowerCase();
        forEachWord(lower, (word, k) => {
          const v = votes[start + k]!;
          v.set(word, (v.get(word) ?? 0) + count);
        });
        if (one === undefined) one = lower;
        else if (one !== lower) mixed = true;
      }
      if (!mixed && one !== undefined) only.set(n * slug.length + start, one);
    }
  }
  const majority = (pos: number, word: string) => {
    const mine = votes[pos]!.get(word) ?? 0;
    for (const [other, n] of votes[pos]!) if (other !== word && n >= mine) return false;
    return true;
  };
  // Longest phrases first, then left to right: the order the map was filled in.
  for (const [id, phrase] of only) {
    const start = id % slug.length;
    forEachWord(phrase, (word, k) => {
      if (out[start + k] === undefined && majority(start + k, word)) out[start + k] = word;
    });
  }
  return out;
}

/** Calls `visit` with each word of a phrase whose words are parted by one space, and its place. */
function forEachWord(phrase: string, visit: (word: string, k: number) => void): void {
  for (let from = 0, k = 0; ; k++) {
    const space = phrase.indexOf(' ', from);
    visit(space < 0 ? phrase.slice(from) : phrase.slice(from, space), k);
    if (space < 0) return;
    from = space + 1;
  }
}

/**
 * How much the article favours a form: the log of how often it writes the form over how often text of its
 * length would under the model, smoothed and damped. A sighting of a rare form (`muỗi` in an article on
 * dengue) says much; sightings of a common one (`để`, `có`) say little, since every article has them.
 */
export function articleBoost(
  written: number,
  modelCount: number,
  articleSyllables: number,
  lm: SyllableLm,
  s: Pick<DecodeSettings, 'boost' | 'boostPrior'>,
): number {
  const expected = (articleSyllables * modelCount) / lm.tokens;
  return s.boost * Math.log((written + s.boostPrior) / (expected + s.boostPrior));
}

/**
 * The decoder's table of states for one slug position, reused from position to position: a state is
 * reached in this round when `reached` holds the round's number, so nothing is cleared between rounds.
 */
interface StateTable {
  round: number;
  reached: Int32Array;
  score: Float64Array;
  back: Int32Array;
}

let states: StateTable = {
  round: 0,
  reached: new Int32Array(0),
  score: new Float64Array(0),
  back: new Int32Array(0),
};

/** The state table for a round of `size` states. */
function stateTable(size: number): StateTable {
  if (states.reached.length < size || states.round === 0x7fffffff) {
    const n = Math.max(size, 2 * states.reached.length, 1024);
    states = { round: 0, reached: new Int32Array(n), score: new Float64Array(n), back: new Int32Array(n) };
  }
  states.round++;
  return states;
}

/**
 * The `limit` states of highest score, best first; of equal scores the first reached comes first (as a
 * stable sort of `order` would give), found without sorting them all.
 */
export function bestStates(order: readonly number[], score: Float64Array, limit: number): number[] {
  const top: number[] = [];
  for (const state of order) {
    const value = score[state]!;
    if (top.length === limit && !(score[top[limit - 1]!]! < value)) continue;
    let at = top.length;
    while (at > 0 && score[top[at - 1]!]! < value) at--;
    top.splice(at, 0, state);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Lower-case, marked syllables for the slug words, decoded as a whole; `articleSyllables`: the text's length. */
export function decodeSlug(
  slug: readonly string[],
  forms: PhraseForms,
  settings: DecodeSettings = DEFAULT_SETTINGS,
  articleSyllables = 0,
): string[] {
  const lm = syllableLm();
  const s = settings;
  const numberId = lm.index.get(NUMBER) ?? -1;
  const fixed = settledByArticle(slug, forms, s.settle);
  let beam: Hypothesis[] = [{ word: '', id: lm.index.get(START) ?? -1, k: 0, score: 0, back: null }];
  let previousWidth = 1;
  for (let i = 0; i < slug.length; i++) {
    const uni = sightings(forms(i, 1)).get('') ?? NONE;
    const bi = i > 0 ? sightings(forms(i - 1, 2)) : new Map<string, Sightings>();
    const tri = i > 1 ? sightings(forms(i - 2, 3)) : new Map<string, Sightings>();
    const cands = fixed[i] !== undefined ? [fixed[i]!] : candidates(slug[i]!, uni.last, lm, s.candidates);
    const width = cands.length;
    // Each candidate's id looked up once, for its odds and its count.
    const modelIds = cands.map((c) => lm.index.get(c));
    const candIds = cands.map((c, k) => modelIds[k] ?? (c === slug[i] && /\d/.test(c) ? numberId : -1));
    const candidateSet = lm.candidates(candIds);
    const boosts = cands.map((c, k) =>
      articleBoost(uni.last.get(c) ?? 0, lm.countOf(modelIds[k]), articleSyllables, lm, s),
    );
    // A form the article never uses for a slug word it does write is less likely than the mixture says.
    const absent = cands.map((c) => (uni.total > 0 && !uni.last.has(c) ? s.absent : 0));
    // The model's odds of each candidate after a previous word, once per previous word: hypotheses that
    // differ further back share them.
    const modelOdds = new Map<number, { probs: Float64Array; total: number }>();
    // The best hypothesis for each state (previous word, this word), as its score and its back pointer (the
    // index in `beam`): the model looks no further back. `order` lists states as first reached.
    const states = stateTable(previousWidth * width);
    const { score: stateScore, back: stateBack } = states;
    const order: number[] = [];
    for (let b = 0; b < beam.length; b++) {
      const h = beam[b]!;
      let odds = modelOdds.get(h.id);
      if (odds === undefined) {
        odds = lm.following(h.id, candidateSet, s.discount);
        modelOdds.set(h.id, odds);
      }
      const { probs: lmProbs, total: lmTotal } = odds;
      const pair = bi.size > 0 ? (bi.get(h.word) ?? NONE) : NONE;
      const triple = tri.size > 0 ? (tri.get(`${h.back!.word} ${h.word}`) ?? NONE) : NONE;
      const unseen = pair.total === 0 && triple.total === 0;
      const denominator = s.bigram * pair.total + s.trigram * triple.total + s.prior;
      for (let k = 0; k < width; k++) {
        const c = cands[k]!;
        const seen = unseen ? 0 : s.bigram * (pair.last.get(c) ?? 0) + s.trigram * (triple.last.get(c) ?? 0);
        // P(form | previous) = P(the slug's letters | previous) · P(this form of them | previous, article).
        const p = (seen + (s.prior * lmProbs[k]!) / lmTotal) / denominator;
        const score = h.score + Math.log(lmTotal * p) - absent[k]! + boosts[k]!;
        const state = h.k * width + k;
        if (states.reached[state] !== states.round) {
          states.reached[state] = states.round;
          order.push(state);
        } else if (!(stateScore[state]! < score)) continue;
        stateScore[state] = score;
        stateBack[state] = b;
      }
    }
    const kept = bestStates(order, stateScore, s.beam);
    beam = kept.map((state) => {
      const k = state % width;
      return {
        word: cands[k]!,
        id: candIds[k]!,
        k,
        score: stateScore[state]!,
        back: beam[stateBack[state]!]!,
      };
    });
    previousWidth = width;
  }
  // The title ends where the slug does.
  const end = lm.index.get(END);
  let last = beam[0]!;
  if (end !== undefined && s.end > 0) {
    let bestScore = -Infinity;
    for (const h of beam) {
      const score = h.score + s.end * Math.log(lm.probability(h.id, end, s.discount));
      if (score > bestScore) {
        bestScore = score;
        last = h;
      }
    }
  }
  const words: string[] = [];
  for (let h: Hypothesis | null = last; h?.back; h = h.back) words.push(h.word);
  return words.reverse();
}

// Patterns live at module scope: the bundler turns a `\p{…}` literal into a `new RegExp` at each use.
const UPPER_ONLY = /^\p{Lu}+$/u;
const CAPITAL_FIRST = /^\p{Lu}/u;
const UPPER_AFTER_FIRST = /.\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const isAcronym = (form: string) => form.length >= 2 && UPPER_ONLY.test(form);
const isCapitalised = (form: string) => CAPITAL_FIRST.test(form);
const CAPITAL_HERE = /\p{Lu}/uy;
/** Whether the word of `phrase` that starts at `at` is capitalised (as `isCapitalised` of that word). */
const isCapitalisedAt = (phrase: string, at: number) => {
  CAPITAL_HERE.lastIndex = at;
  return CAPITAL_HERE.test(phrase);
};
/** Upper case after the first letter, but not all of it: `iPhone`, `HiBT`, `VNeTraffic`. */
const isMixedCase = (form: string) => UPPER_AFTER_FIRST.test(form) && LOWER.test(form);

/**
 * A brand or name the article spells in mixed case (`iPhone`, `HiBT`) is spelt so in the title: its most
 * written mixed form, when that is at least half of the article's sightings of the syllable.
 */
function mixedCaseForm(mixed: ReadonlyMap<string, number>, sightings: number): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [form, n] of mixed) if (n > most) [best, most] = [form, n];
  return best !== undefined && most * 2 >= sightings ? best : undefined;
}

/**
 * The decoded syllables with the article's capitals: a syllable inside a phrase the article writes is
 * capitalised as most of its sightings there (a phrase's first word counts only when the next is a
 * capitalised name too, since a sentence may start with it), and a syllable the article only ever writes
 * capitalised or in upper case keeps that.
 */
export function restoreCapitals(words: readonly string[], forms: PhraseForms, text = ''): string[] {
  const capital = new Array<number>(words.length).fill(0);
  const lower = new Array<number>(words.length).fill(0);
  for (let n = 2; n <= 4; n++) {
    for (let start = 0; start + n <= words.length; start++) {
      const written = forms(start, n);
      if (!written) continue;
      const phrase = words.slice(start, start + n).join(' ');
      for (const [form, count] of written) {
        if (form.toLowerCase() !== phrase) continue;
        // The form's words are the phrase's, parted by one space each.
        for (let offset = 0, at = 0; offset < n; offset++, at = form.indexOf(' ', at) + 1) {
          if (offset === 0 && !isCapitalisedAt(form, form.indexOf(' ') + 1)) continue;
          if (isCapitalisedAt(form, at)) capital[start + offset]! += count;
          else lower[start + offset]! += count;
        }
      }
    }
  }
  return words.map((word, i) => {
    if (HAS_DIGIT.test(word)) return codeForm(word, forms(i, 1));
    let acronyms = 0;
    let lowers = 0;
    let capitals = 0;
    const mixed = new Map<string, number>();
    for (const [form, n] of forms(i, 1) ?? []) {
      if (form.toLowerCase() !== word) continue;
      if (isAcronym(form)) acronyms += n;
      if (isMixedCase(form)) mixed.set(form, (mixed.get(form) ?? 0) + n);
      if (isCapitalised(form)) capitals += n;
      else lowers += n;
    }
    const brand = mixedCaseForm(mixed, acronyms + capitals + lowers);
    if (brand) return brand;
    if (acronyms > lowers && acronyms * 2 >= capitals) return word.toUpperCase();
    if (capital[i]! + lower[i]! > 0) return capital[i]! > lower[i]! ? capitalise(word) : word;
    if (lowers + capitals === 0 && looksLikeAcronym(word)) return word.toUpperCase();
    if (lowers > 0 || capitals < 2) return word;
    return writtenCapitalisedMidSentence(text, forms(i, 1)!, word) ? capitalise(word) : word;
  });
}

/**
 * Where a sentence starts: after a full stop, a colon, a dash (`HÀ NỘI – Sau …`) or a line break. A
 * quote or bracket is not one: what follows is often a name (`phim "Đồng hồ đếm ngược"`).
 */
const SENTENCE_OPENER = /[.!?:;…–—\n]/;

/**
 * Whether the article writes the word capitalised somewhere other than at the start of a sentence, where
 * any word is (`Sau khi …`, `Đón Tết …` say nothing of `sau`, `đón`).
 */
function writtenCapitalisedMidSentence(
  text: string,
  written: ReadonlyMap<string, number>,
  word: string,
): boolean {
  for (const form of written.keys()) {
    if (form.toLowerCase() !== word || !isCapitalised(form)) continue;
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (end < text.length && isWordCharAt(text, end)) continue;
      if (at > 0 && isWordCharAt(text, at - 1)) continue;
      let j = at - 1;
      while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
      const spacedHyphen = text[j] === '-' && j < at - 1;
      if (j >= 0 && !SENTENCE_OPENER.test(text[j]!) && !spacedHyphen) return true;
    }
  }
  return false;
}

const HAS_DIGIT = /\d/;
const LETTERS_THEN_DIGITS = /^[a-z]+\d/;

/**
 * A token of letters and digits (`u23`, `cr7`, `a95`, `120w`) as the article writes it most often; one the
 * article never writes is in upper case when it starts with its letters (a code or model: `U23`, `S27`)
 * and as it is when it starts with digits (a figure and unit: `12h`, `5kg`).
 */
export function codeForm(word: string, written: ReadonlyMap<string, number> | undefined): string {
  let best: string | undefined;
  let most = 0;
  for (const [form, n] of written ?? [])
    if (n > most && form.toLowerCase() === word) [best, most] = [form, n];
  return best ?? (LETTERS_THEN_DIGITS.test(word) ? word.toUpperCase() : word);
}

/**
 * A word the article never writes that reads as an acronym: no vowel at all (`hlv`, `tphcm`; every
 * Vietnamese syllable has one), or a short word of one vowel that is no Vietnamese syllable and that the
 * model has never seen (`ammr`), where a Latin word (`show`, `golf`) would be known.
 */
function looksLikeAcronym(word: string): boolean {
  if (!/^[a-z]{2,6}$/.test(word)) return false;
  if (!/[aeiouy]/.test(word)) return true;
  return (
    (word.match(/[aeiouy]+/g) ?? []).length === 1 &&
    !isVietnameseSyllable(word) &&
    !syllableLm().index.has(word)
  );
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** An acronym written with joins (`GD&ĐT`, `KH-CN`, `T.Ư`): its parts, upper case, joined by `&`, `-` or `.`. */
const JOINED_ACRONYM = /^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*(?:[&.-][\p{Lu}\p{N}]+)+$/u;
/** Where one may be: a join before a capital or digit (found fast; a whole-text pattern with look-arounds is 20× slower). */
const JOIN_BEFORE_CAPITAL = /[&.-][\p{Lu}\p{N}]/gu;
const ACRONYM_JOIN = /[&.-]/g;
const JOIN_CHARS = '&.-';

/**
 * The acronyms with joins an article writes, by the key a slug spells them with (`GD&ĐT` → `gddt` →
 * `GDĐT`: the letters run together, as the slug ran them). A key two acronyms share is left out.
 */
export function joinedAcronyms(text: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  let covered = 0;
  for (const join of text.matchAll(JOIN_BEFORE_CAPITAL)) {
    if (join.index < covered) continue;
    // The token around the join: word characters and joins between them.
    let from = join.index;
    while (from > 0 && isWordCharAt(text, from - 1)) from--;
    let to = join.index + 1;
    while (
      to < text.length &&
      (isWordCharAt(text, to) ||
        (JOIN_CHARS.includes(text[to]!) && to + 1 < text.length && isWordCharAt(text, to + 1)))
    )
      to++;
    covered = to;
    const written = text.slice(from, to);
    if (!JOINED_ACRONYM.test(written)) continue;
    const letters = written.replace(ACRONYM_JOIN, '');
    const key = searchKey(letters);
    const seen = out.get(key);
    out.set(key, seen === undefined || seen === letters ? letters : null);
  }
  return out;
}

/**
 * A slug word that may be an acronym with joins: letters and digits that the article never writes as a
 * word and that spell no syllable of the model.
 */
const ACRONYM_SLUG_WORD = /^[a-z0-9]{2,10}$/;

/** The title the slug spells, with marks and capitals restored from the model and the article's text. */
export function rebuildTitle(
  slug: readonly string[],
  articleText: string,
  settings: DecodeSettings = DEFAULT_SETTINGS,
): string {
  const { forms, parts: syllables } = articlePhrases(articleText, slug, 4);
  const words = restoreCapitals(decodeSlug(slug, forms, settings, syllables), forms, articleText);
  let acronyms: Map<string, string | null> | undefined;
  for (let i = 0; i < slug.length; i++) {
    const word = slug[i]!;
    if (forms(i, 1) !== undefined || !ACRONYM_SLUG_WORD.test(word) || syllableLm().formsByKey.has(word))
      continue;
    acronyms ??= joinedAcronyms(articleText);
    const acronym = acronyms.get(word);
    if (acronym) words[i] = acronym;
  }
  return capitalise(joinedNumbers(words, articleText).join(' '));
}

/**
 * Digit groups a slug split (`200-000`) joined as the article writes the number (`200.000`, `1.200.000`,
 * `2,5`): a slug drops the separator, the text shows which one it was.
 */
export function joinedNumbers(words: readonly string[], articleText: string): string[] {
  const digits = (w: string | undefined) => w !== undefined && /^\d+$/.test(w);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let end = i;
    while (digits(words[i]) && digits(words[end + 1])) end++;
    // The longest run of groups the text writes as one number, with either separator.
    let joined: string | undefined;
    for (let j = end; j > i && !joined; j--) {
      const groups = words.slice(i, j + 1);
      joined = ['.', ','].map((sep) => groups.join(sep)).find((n) => writtenAsNumber(articleText, n));
      if (joined) i = j;
    }
    out.push(joined ?? words[i]!);
  }
  return out;
}

/** Whether the text writes `number` whole (not inside a longer number). */
function writtenAsNumber(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text.slice(at + number.length, at + number.length + 2);
    if (!/[\d.,]/.test(before) && !/^(?:\d|[.,]\d)/.test(after)) return true;
  }
  return false;
}

/** A title recovered from the URL slug, marks and capitals restored; null when the URL has no word slug. */
export function titleFromUrl(url: string, articleText: string): string | null {
  const words = slugWords(url);
  if (words.length < 3) return null;
  return rebuildTitle(words, articleText);
}
