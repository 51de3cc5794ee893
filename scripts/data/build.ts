/**
 * What `npm run build:data` writes: every generated data file, computed from the hand-written data under
 * data/ (and the committed corpus-derived files). Pure apart from reading files, so the test
 * (test/data/generated.test.ts) can compare it with what is committed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWordPairs } from '../../shared/assets/word-pairs';
import { compileLm, encodeTitleLmTable, type LmFile } from '../../shared/parse/title-lm-table';
import { lexiconKeysFile } from '../../shared/tag/entities/features/lexicon-keys';
import {
  type AdminUnits,
  buildPlaces,
  encodePlaceIndex,
} from '../../shared/tag/entities/places/build-places';
import { encodePlaceTable } from '../../shared/tag/entities/places/table';
import type { PlaceIndex } from '../../shared/tag/entities/places/types';
import { compileModel, type TopicsModelData } from '../../shared/tag/topics/model';
import { encodeTopicsTable } from '../../shared/tag/topics/table';
import { readList, readPairs, readSections } from './lists';

export const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const json = (value: unknown) => `${JSON.stringify(value)}\n`;

export const STOPWORDS_FILE = 'shared/text/data/stopwords.generated.json';
export const TOPICS_LEXICON_FILE = 'shared/tag/data/topics-lexicon.generated.json';
export const TOPIC_SECTIONS_FILE = 'shared/tag/data/topic-sections.generated.json';
export const PLACE_INDEX_FILE = 'shared/tag/data/place-index.generated.json';
export const FUNCTION_WORDS_FILE = 'shared/tag/data/function-words.generated.json';
export const ENTITY_RULES_FILE = 'shared/tag/data/entity-rules.generated.json';
export const KEYWORD_WORDS_FILE = 'shared/tag/data/keyword-words.generated.json';
export const ENTITY_LEXICON_KEYS_FILE = 'shared/tag/data/entity-lexicon-keys.generated.json';
/** The entity rules' word lists (data/entity-rules/), one `[list]` section each. */
export const ENTITY_RULES_SOURCES = ['cues.txt', 'names.txt', 'organisations.txt', 'words.txt'];

export const TOPICS_MODEL_FILE = 'shared/tag/data/topics-model.generated.json';
export const TOPICS_TABLE_FILE = 'shared/tag/data/topics-model.table.generated.bin';
export const PLACE_TABLE_FILE = 'shared/tag/data/place-index.table.generated.bin';
export const TITLE_LM_FILE = 'shared/parse/data/title-lm.generated.json';
export const TITLE_LM_TABLE_FILE = 'shared/parse/data/title-lm.table.generated.bin';
export const KEYWORD_PAIRS_TABLE_FILE = 'shared/tag/data/keyword-pairs.table.generated.bin';

export function stopwordsFile(): string {
  return json({
    source:
      'Built by npm run build:data from data/keywords/ (hand-written by the newsdrop team; see its README)',
    vietnamese: readList(read('data/keywords/stopwords-vi.txt')),
    english: readList(read('data/keywords/stopwords-en.txt')),
    genericPhrases: readList(read('data/keywords/generic-phrases.txt')),
    stopPhrases: readList(read('data/keywords/stop-phrases.txt')),
    phraseEdges: readList(read('data/keywords/phrase-edges.txt')),
    phraseEnds: readList(read('data/keywords/phrase-ends.txt')),
    units: readList(read('data/keywords/units.txt')),
  });
}

/** The team's multi-syllable words (data/words/*.txt: comma-separated, `#` lines skipped), lower case, sorted. */
export function keywordWordsFile(): string {
  const dir = join(ROOT, 'data', 'words');
  const words = new Set<string>();
  for (const file of readdirSync(dir).filter((n) => n.endsWith('.txt')))
    for (const line of readList(read(`data/words/${file}`)))
      for (const word of line.split(','))
        if (/\s/.test(word.trim())) words.add(word.trim().replace(/\s+/g, ' ').toLowerCase());
  return json({
    source:
      'Built by npm run build:data from data/words/ (written by the newsdrop team, CC BY 4.0; see its README)',
    words: [...words].sort(),
  });
}

export function functionWordsFile(): string {
  return json({
    source:
      'Built by npm run build:data from data/language/function-words.txt (hand-written by the newsdrop team)',
    languages: readSections(read('data/language/function-words.txt')),
  });
}

export function entityRulesFile(): string {
  const lists: Record<string, string[]> = {};
  for (const file of ENTITY_RULES_SOURCES) {
    for (const [name, entries] of Object.entries(readSections(read(`data/entity-rules/${file}`)))) {
      if (name in lists) throw new Error(`data/entity-rules/${file}: list [${name}] is defined twice`);
      lists[name] = entries;
    }
  }
  // World places whose name has a lower-case word (`Các Tiểu vương quốc Ả Rập Thống nhất`), read whole by
  // the rules before a cue inside them (`vương quốc`) cuts them.
  lists.world_names_with_lower = readList(read('data/places/world.txt'))
    .flatMap((line) => line.split('|'))
    .map((name) => name.trim())
    .filter((name) => /^\p{Lu}/u.test(name) && /\s\p{Ll}/u.test(name));
  // Places a kind word names that lie in one province (`cửa khẩu\tHữu Nghị\t20`), whose province the kind word
  // decides over a commune of the same name elsewhere (resolve/place-cues.ts).
  lists.landmark_provinces = readList(read('data/places/landmarks.tsv')).map((line) => {
    const [cue, name, code, ...rest] = line.split('\t');
    const cues = [...(lists.place_cues_left_out ?? []), ...(lists.river_cues_left_out ?? [])];
    if (!cue || !name || !code || rest.length > 0 || !/^\d\d$/.test(code) || !cues.includes(cue))
      throw new Error(`data/places/landmarks.tsv: not a cue<TAB>name<TAB>code line: ${JSON.stringify(line)}`);
    return line;
  });
  return json({
    source:
      'Built by npm run build:data from data/entity-rules/ and data/places/world.txt, landmarks.tsv (hand-written by the newsdrop team; see their READMEs)',
    lists,
  });
}

/** The token keys of the entity rules' lists, from the lists `entityRulesFile` builds. */
export function entityLexiconKeysFile(): string {
  return lexiconKeysFile((JSON.parse(entityRulesFile()) as { lists: Record<string, string[]> }).lists);
}

export function topicsLexiconFile(): string {
  return json({
    source:
      'Built by npm run build:data from data/topics/seed-lexicon.txt (hand-written by the newsdrop team)',
    topics: readSections(read('data/topics/seed-lexicon.txt')),
  });
}

export function topicSectionsFile(): string {
  return json({
    source: 'Built by npm run build:data from data/topics/sections.txt (hand-written by the newsdrop team)',
    topics: readSections(read('data/topics/sections.txt')),
  });
}

export function placeIndexFile(): string {
  const admin = JSON.parse(read('shared/tag/data/admin-units.generated.json')) as AdminUnits;
  const places = buildPlaces(admin, {
    world: readList(read('data/places/world.txt')),
    provinceAliases: readPairs(read('data/places/province-aliases.tsv')),
    formerProvinceAliases: readPairs(read('data/places/former-province-aliases.tsv')),
    localPlaces: readPairs(read('data/places/local-places.tsv')),
  });
  return json(encodePlaceIndex(admin, places));
}

/** The topic model compiled as the tagger uses it (shared/tag/topics/table.ts). */
export function topicsTableFile(): Uint8Array {
  const model = JSON.parse(read(TOPICS_MODEL_FILE)) as TopicsModelData;
  return encodeTopicsTable(compileModel(model), model.credit);
}

/** The title language model compiled as the parser uses it (shared/parse/title-lm-table.ts). */
export function titleLmTableFile(): Uint8Array {
  const model = JSON.parse(read(TITLE_LM_FILE)) as LmFile & { source: string };
  return encodeTitleLmTable(compileLm(model), model.source);
}

/** The key-phrase word list's syllables and pairs (shared/tag/keywords/word-pairs.ts). */
export function keywordPairsTableFile(): Uint8Array {
  const { source, words } = JSON.parse(read(KEYWORD_WORDS_FILE)) as { source: string; words: string[] };
  const functionWords = new Set((JSON.parse(read(STOPWORDS_FILE)) as { vietnamese: string[] }).vietnamese);
  return encodeWordPairs(words, (syllable) => functionWords.has(syllable), source);
}

/** The binary files built from committed generated JSON (topic model, place index, title model), path → bytes. */
export function tableFiles(): Map<string, Uint8Array> {
  return new Map([
    [TOPICS_TABLE_FILE, topicsTableFile()],
    [TITLE_LM_TABLE_FILE, titleLmTableFile()],
    [KEYWORD_PAIRS_TABLE_FILE, keywordPairsTableFile()],
    [PLACE_TABLE_FILE, encodePlaceTable(JSON.parse(read(PLACE_INDEX_FILE)) as PlaceIndex)],
  ]);
}

/** The generated files built from data/ alone, path → content. */
export function dataFiles(): Map<string, string> {
  return new Map([
    [STOPWORDS_FILE, stopwordsFile()],
    [TOPICS_LEXICON_FILE, topicsLexiconFile()],
    [TOPIC_SECTIONS_FILE, topicSectionsFile()],
    [PLACE_INDEX_FILE, placeIndexFile()],
    [FUNCTION_WORDS_FILE, functionWordsFile()],
    [ENTITY_RULES_FILE, entityRulesFile()],
    [ENTITY_LEXICON_KEYS_FILE, entityLexiconKeysFile()],
    [KEYWORD_WORDS_FILE, keywordWordsFile()],
  ]);
}
