/**
 * The entity rules' word lists, as written in data/entity-rules/ (hand-written by the newsdrop team) and
 * built into ../data/entity-rules.generated.json by `npm run build:data` (shipped beside the bundle). Each
 * list by its section name; the rules compare entries by `nameKey` (lower case, NFC, one tone placement)
 * unless noted.
 */
import { ENTITY_RULES_ASSET, readJsonAsset } from '../../assets';

/** Read as a data file beside the bundle: JSON.parse is cheaper at cold start than a bundled object literal. */
const lists: Readonly<Record<string, readonly string[]>> = readJsonAsset<{
  lists: Record<string, string[]>;
}>(ENTITY_RULES_ASSET).lists;

/** The entries of one `[list]` of data/entity-rules/; a name with no list is a build error, not an empty list. */
export function wordList(name: string): string[] {
  const entries = lists[name];
  if (!entries) throw new Error(`data/entity-rules has no [${name}] list`);
  return [...entries];
}

/** Years of the sexagenary cycle (`Bính Ngọ`, `Canh Tý`): dates, though shaped like a person's name. */
function lunarYears(): string[] {
  const branches = wordList('lunar_branches');
  return wordList('lunar_stems').flatMap((stem) => branches.map((branch) => `${stem} ${branch}`));
}

export const ADMIN_CUES = wordList('admin_cues');
export const ADMIN_PREFIXES_STRIPPED = wordList('admin_prefixes_stripped');
export const COMMON_CAPITALISED = wordList('common_capitalised');
/** Last words of foreign organisation names, clubs' and teams' among them. */
export const TEAM_SUFFIXES = wordList('team_suffixes');
export const FOREIGN_ORG_SUFFIXES = wordList('foreign_org_suffixes').concat(TEAM_SUFFIXES);
export const NON_ENTITY_TOKENS = wordList('non_entity_tokens');
export const ORG_DOMAIN_ACRONYMS = wordList('org_domain_acronyms');
export const ORG_HEADS = wordList('org_heads');
export const PERSON_CUES = wordList('person_cues');
export const PLACE_PREPOSITIONS = wordList('place_prepositions');
export const STANDALONE_ORGS = wordList('standalone_orgs');
export const SURNAMES = wordList('surnames');
export const EAST_ASIAN_SURNAMES = wordList('east_asian_surnames');
export const NON_ENTITY_NAMES = wordList('non_entity_names').concat(lunarYears());
export const NATIONALITY_CUES = wordList('nationality_cues');
export const LOWER_ORG_HEADS = wordList('lower_org_heads');
export const KNOWN_CLUBS = wordList('known_clubs');
/** Well-known organisations, clubs among them. */
export const KNOWN_ORGS = wordList('known_orgs').concat(KNOWN_CLUBS);
export const TEAM_HEADS = wordList('team_heads');
export const KNOWN_PERSONS = wordList('known_persons');
export const ORG_DOMAINS = wordList('org_domains');
