/**
 * The word lists the rules look words up in, as sets and phrase sets built once at module load from
 * data/entity-rules/ (../lexicon), and the word shapes they test with regular expressions.
 */
import {
  ADMIN_CUES,
  ADMIN_PREFIXES_STRIPPED,
  COMMON_CAPITALISED,
  EAST_ASIAN_SURNAMES,
  FOREIGN_ORG_SUFFIXES,
  KNOWN_ORGS,
  KNOWN_PERSONS,
  LOWER_ORG_HEADS,
  NATIONALITY_CUES,
  NON_ENTITY_NAMES,
  NON_ENTITY_TOKENS,
  ORG_DOMAIN_ACRONYMS,
  ORG_DOMAINS,
  ORG_HEADS,
  PERSON_CUES,
  PLACE_PREPOSITIONS,
  STANDALONE_ORGS,
  SURNAMES,
  wordList,
} from '../lexicon';
import { PhraseSet } from '../phrases';

const set = (name: string) => new Set(wordList(name));

export const SURNAME = new Set(
  [...SURNAMES, ...wordList('minority_surnames')].map((s) => s.toLowerCase().normalize('NFC')),
);
/** `Y`, `Ksor`, `Rơ Châm`: words that open a Central Highlands person's name; `H`, `K` only before `'`. */
export const HIGHLAND_NAME_OPENER = new PhraseSet(wordList('highland_name_openers'));
export const EAST_ASIAN_SURNAME = new Set(EAST_ASIAN_SURNAMES.map((s) => s.toLowerCase()));
export const UNACCENTED_SURNAME = set('unaccented_surnames');
export const PERSON_CUE = new PhraseSet(PERSON_CUES);
export const HONORIFICS = set('honorifics');
export const NOT_NAME_START = set('not_name_start');
export const ORG_HEAD = new PhraseSet(ORG_HEADS);
export const STANDALONE_ORG = new PhraseSet(STANDALONE_ORGS);
export const BODY_WITH_COUNTRY = new PhraseSet(wordList('bodies_with_country'));
export const ADMIN_CUE = new PhraseSet(ADMIN_CUES);
export const STRIPPED_PREFIX = new PhraseSet(ADMIN_PREFIXES_STRIPPED);
export const STRONG_ADMIN = set('strong_admin');
export const PLACE_PREPOSITION = new Set(PLACE_PREPOSITIONS);
export const PLACE_LIST_OPENERS = set('place_list_openers');
export const PLACE_LIST_INTRODUCERS = set('place_list_introducers');
export const COMMON = new PhraseSet(COMMON_CAPITALISED);
export const DOMAIN_ACRONYM = new Set(ORG_DOMAIN_ACRONYMS.map((t) => t.toLowerCase()));
export const NON_ENTITY = new Set([...NON_ENTITY_TOKENS.map((t) => t.toLowerCase()), ...DOMAIN_ACRONYM]);
export const NON_ENTITY_NAME = new PhraseSet(NON_ENTITY_NAMES);
export const NATIONALITY_CUE = new PhraseSet(NATIONALITY_CUES);
export const LOWER_ORG_HEAD = new PhraseSet(LOWER_ORG_HEADS);
export const KNOWN_ORG = new PhraseSet(KNOWN_ORGS);
/** Known names the list writes with a lower-case word (`Thể thao Việt Nam`); `Người Lao Động` is not one. */
export const KNOWN_ORG_WITH_LOWER = new PhraseSet(KNOWN_ORGS.filter((name) => /\s\p{Ll}/u.test(name)));
/** World places the list writes with a lower-case word (`Các Tiểu vương quốc Ả Rập Thống nhất`, `Liên bang Nga`). */
export const WORLD_PLACE_WITH_LOWER = new PhraseSet(wordList('world_names_with_lower'));
export const ORG_DOMAIN = new PhraseSet(ORG_DOMAINS);
export const KNOWN_PERSON = new PhraseSet(KNOWN_PERSONS);
export const CREDIT = set('credit');
export const ORG_SUFFIX = new Set(FOREIGN_ORG_SUFFIXES.map((t) => t.toLowerCase()));
export const NAME_FOLLOWERS = set('name_followers');
export const SHORT_PLACES = set('short_places');
export const ENGLISH_WORDS = set('english_words');
export const PRODUCT_KINDS = set('product_kinds');
export const CLUB_STEMS = set('club_stems');
export const PLACE_GIVEN_NAMES = set('place_given_names');
export const FOREIGN_PLACE_WORDS = set('foreign_place_words');
export const COUNTRY_COMPOUNDS = set('country_compounds');
export const ABBREVIATED_TITLES = set('abbreviated_titles');
export const NAME_PARTICLES = set('name_particles');
export const FUNCTION_WORDS = set('function_words');
export const NOT_ORG_AFTER_HEAD = set('not_org_after_head');
export const INNER_HEADS = set('inner_heads');
export const SCHOOL_HEAD = new PhraseSet(wordList('school_heads'));
export const SCHOOL_KINDS = new PhraseSet(wordList('school_kinds'));
export const DOMAIN_HEADS = set('domain_heads');
export const BRAND_HEADS = set('brand_heads');
export const ROLE_CUES = set('role_cues');
export const UNIT_HEAD_CUE = new PhraseSet(wordList('unit_head_cues'));
export const NAMED_ONLY_HEADS = set('named_only_heads');
export const SCOPE = new PhraseSet(wordList('scopes'));
export const PLACE_CUES_LEFT_OUT = set('place_cues_left_out');
export const COMPLETION_STOPS = set('completion_stops');
export const TAIL_VERBS = set('tail_verbs');
export const TAIL_DETERMINERS = set('tail_determiners');
export const TAIL_OPENING_VERBS = new PhraseSet(wordList('tail_opening_verbs'));
export const ABBREVIATED_CUES = set('abbreviated_cues');
export const CAPITAL_CUES = set('capital_cues');
export const STREET_CUE_PLACES_BEFORE = set('street_cue_places_before');
export const GUARDED_CUES = set('guarded_cues');
export const ONLY_NUMBERED_CUES = set('only_numbered_cues');
export const NUMBERED_CUES = set('numbered_cues');
export const STREET_CUES = set('street_cues');
export const ROUTE_CUES = set('route_cues');
export const CUE_COMPOUNDS = set('cue_compounds');
export const WEATHER_WORDS = new PhraseSet(wordList('weather_words'));
export const MATCH_VERBS = new PhraseSet(wordList('match_verbs'));
export const CLUB_HEADS = new PhraseSet(wordList('club_heads'));
export const FOREIGN_TEAM_HEADS_LEFT_OUT = new PhraseSet(wordList('foreign_team_heads_left_out'));
/** First words of every lower-case cue: any other lower-case word cannot start anything. */
export const LOWER_CUE_FIRSTS = new Set([
  ...PERSON_CUE.firsts(),
  ...ADMIN_CUE.firsts(),
  ...LOWER_ORG_HEAD.firsts(),
  ...CREDIT,
]);

// Vietnamese syllable shape without diacritics, to tell `Minh` (Vietnamese) from `Trump` (foreign). The
// spelling never writes `c` before `e`, `i`, `y` (it writes `k`) nor ends a syllable in `ic` (it writes
// `ich`): `CIC`, `CEO` are no syllables.
export const VIETNAMESE_SYLLABLE =
  /^(?!c[eiy]|.*ic$)(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(oai|oay|uay|uoi|uya|uye|ieu|yeu|uou|ai|ao|au|ay|eo|eu|ia|iu|oa|oi|ua|ui|uy|oe|uo|ue|ie|ye|a|e|i|o|u|y)(c|ch|m|n|ng|nh|p|t)?$/;
/** A Roman numeral below 400 as written (`XIV`, `CCII`): `VCCI` or `CLC` is made of its letters but no numeral. */
export const ROMAN = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
export const YEAR = /^(?:19|20)\d\d$/;
export const WEBSITE = /\.(?:vn|com|net|org)$/i;
/** A code or model number: capitals then digits (`U70`, `X20`). */
export const CODE = /^\p{Lu}+\d+$/u;
/** Age groups that field teams: U15 to U23. */
export const AGE_GROUP = /^U\.?(?:1[5-9]|2[0-3])$/;
/** Initials of a Vietnamese name (`T.T.V`, `N.H`): a surname's initial, then one to four more letters. */
export const INITIALS = /^[BCDĐGHKLMNPQSTVX](?:\.[A-ZĐ]){1,4}\.?$/u;
export const VOWEL = /[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;
/** Police departments go by codes (`PC45`, `PA92`). */
export const POLICE_UNIT = /^(PC|PA|PK|PV|PX|C)\d{2,3}$/;
export const MARKED_VOWEL = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;
export const VIETNAMESE_MARK = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;
export const ASCII_WORD = /^[a-z]+$/;
