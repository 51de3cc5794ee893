/**
 * The token keys of the rule lexicons' words that the features mark (signals.ts `wordBits`): a surname,
 * the first word of an organisation head, the last word of a person, admin or nationality cue. Keying
 * the lexicons tokenises thousands of entries, so `npm run build:data` does it
 * (`lexiconKeysFile`, into ../../data/entity-lexicon-keys.generated.json) and the tagger reads the result.
 */
import { ENTITY_LEXICON_KEYS_ASSET, readJsonAsset } from '../../../assets';
import { spellingOf, tokenize } from '../tokens/index';

export interface LexiconKeys {
  surname: string[];
  orgHead: string[];
  personCue: string[];
  adminCue: string[];
  lowerOrgHead: string[];
  nationality: string[];
}

function keysOf(phrase: string): string[] {
  return tokenize(phrase).spelling.map((s) => s.key);
}

/** The keys of the entity rules' word lists (data/entity-rules/, by list name). */
export function computeLexiconKeys(lists: Readonly<Record<string, readonly string[]>>): LexiconKeys {
  const list = (name: string): readonly string[] => {
    const entries = lists[name];
    if (!entries) throw new Error(`data/entity-rules has no [${name}] list`);
    return entries;
  };
  return {
    surname: list('surnames').map((s) => spellingOf(s).key),
    orgHead: list('org_heads').map((h) => keysOf(h)[0] ?? ''),
    personCue: list('person_cues').map((c) => keysOf(c).at(-1) ?? ''),
    adminCue: list('admin_cues').map((c) => keysOf(c).at(-1) ?? ''),
    lowerOrgHead: list('lower_org_heads').map((c) => keysOf(c).at(-1) ?? ''),
    nationality: list('nationality_cues').map((c) => keysOf(c).at(-1) ?? ''),
  };
}

/** The generated file's content for `lists`. */
export function lexiconKeysFile(lists: Readonly<Record<string, readonly string[]>>): string {
  return `${JSON.stringify({
    source:
      'Built by npm run build:data from data/entity-rules/ (hand-written by the newsdrop team): the token keys of its lists',
    ...computeLexiconKeys(lists),
  })}\n`;
}

let keys: LexiconKeys | null = null;
/** The shipped keys, read once per container (at init: ../../../load-data.ts). */
export function lexiconKeys(): LexiconKeys {
  keys ??= readJsonAsset<LexiconKeys>(ENTITY_LEXICON_KEYS_ASSET);
  return keys;
}
