/**
 * Stop lists shared by the tagging stages, hand-written in data/keywords/ (see its README) and built by
 * `npm run build:data` into ./data/stopwords.generated.json. Lower case, NFC, one tone placement (as
 * `nameKey` gives).
 */
import lists from './data/stopwords.generated.json';

/** Vietnamese function words: key phrases never start or end with one and are split at them. */
export const VIETNAMESE_STOPWORDS: ReadonlySet<string> = new Set(lists.vietnamese);

/** English function words, for English articles. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(lists.english);

/** Content words that are almost never a story's key phrase: never returned as keywords on their own. */
export const GENERIC_PHRASES: ReadonlySet<string> = new Set(lists.genericPhrases);

/**
 * Phrases of news prose that say nothing of what a story is about (`xây dựng`, `triệu đồng`): a key phrase
 * made only of these, generic phrases and function words is no key phrase.
 */
export const STOP_PHRASES: ReadonlySet<string> = new Set(lists.stopPhrases);

/**
 * Vietnamese grammar words (prepositions, conjunctions, aspect and modal words, quantifiers) that never
 * open or close a key phrase, even where the word list joins them to a neighbour (`có thể`, `trong năm`).
 */
export const PHRASE_EDGE_WORDS: ReadonlySet<string> = new Set(lists.phraseEdges);

/** Vietnamese words that never close a key phrase, though one may open with them (`bị cáo`, `ra mắt`). */
export const PHRASE_END_WORDS: ReadonlySet<string> = new Set([...lists.phraseEdges, ...lists.phraseEnds]);

/** Currencies and units of measure (`usd`, `mah`, `độ c`): never a key phrase, even written like a name. */
export const UNITS: ReadonlySet<string> = new Set(lists.units);
