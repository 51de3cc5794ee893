/**
 * The two sides of a match result are of one kind: a person the article writes facing one of its
 * organisations across a match verb, with a score in the sentence, is a team (`Kiến Tạo Bank vượt qua
 * Yunnan Lotus 3-0`: the rules' name shapes and the model read `Yunnan Lotus` as a person). Two persons
 * facing each other (`Jannik Sinner thắng Carlos Alcaraz 3-1`) stay persons.
 */
import type { Entities, Entity } from '../../../model/article';
import { wordList } from '../lexicon';
import { formsOf } from './aliases';
import { mayHoldScore, SCORE, sentenceAround } from './clubs';

/** Match verbs as written (data/entity-rules `[match_verbs]`: `thắng`, `vượt qua`, `cầm hòa`). */
const MATCH_VERBS = wordList('match_verbs');
// At module scope: the bundler makes a `\p{…}` literal a `new RegExp` at each use.
const WORD_CHAR = /[\p{L}\p{N}]/u;

const startsWithName = (text: string, name: string) =>
  text.startsWith(name) && !WORD_CHAR.test(text[name.length] ?? ' ');
const endsWithName = (text: string, name: string) =>
  text.endsWith(name) && !WORD_CHAR.test(text[text.length - name.length - 1] ?? ' ');

/**
 * True when `text` writes `name` with a match verb, then one of `teams`, on either side of it; the name
 * may be followed by its country (`Yunnan Lotus của Trung Quốc thắng …`, one of `places`).
 */
export function facesATeam(
  name: string,
  teams: readonly string[],
  text: string,
  places: readonly string[] = [],
): boolean {
  for (const at of occurrences(name, text)) if (facesATeamAt(name, at, teams, text, places)) return true;
  return false;
}

/** Where `text` writes `name` as whole words. */
function occurrences(name: string, text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (!WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[end] ?? ' ')) out.push(at);
  }
  return out;
}

function facesATeamAt(
  name: string,
  at: number,
  teams: readonly string[],
  text: string,
  places: readonly string[],
): boolean {
  const end = at + name.length;
  if (!mayHoldScore(text) || !SCORE.test(sentenceAround(text, at, end))) return false;
  let after = text.slice(end, end + 80);
  const country = places.find((p) => startsWithName(after, ` của ${p}`));
  if (country !== undefined) after = after.slice(` của ${country}`.length);
  const lead = text.slice(Math.max(0, at - 80), at);
  for (const verb of MATCH_VERBS) {
    if (after.startsWith(` ${verb} `)) {
      const other = after.slice(verb.length + 2);
      if (teams.some((t) => startsWithName(other, t))) return true;
    }
    if (lead.endsWith(` ${verb} `)) {
      const other = lead.slice(0, lead.length - verb.length - 2);
      if (teams.some((t) => endsWithName(other, t))) return true;
    }
  }
  return false;
}

/** The entities with each person that faces one of their organisations in a result moved among them. */
export function personsFacingTeams(entities: Entities, texts: readonly string[]): Entities {
  if (entities.person.length === 0 || entities.organization.length === 0) return entities;
  const teams = entities.organization.flatMap((o) => formsOf(o));
  const places = entities.place.map((p) => p.name);
  const moved: Entity[] = [];
  const person = entities.person.filter((p) => {
    const faces = formsOf(p).some((form) => texts.some((t) => facesATeam(form, teams, t, places)));
    if (faces) moved.push(p);
    return !faces;
  });
  if (moved.length === 0) return entities;
  return { ...entities, person, organization: [...entities.organization, ...moved] };
}

/**
 * The entities with each place the article writes only facing one of their organisations in results moved
 * among them, without its province: the country's or town's team (`Đội tuyển … Việt Nam thắng Thái Lan
 * 3-1`, data/records/README.md: a national team is an organisation). A place also written elsewhere
 * (`… tại Thái Lan`) and a side's country (`Yunnan Lotus của Trung Quốc thắng …`) stay places.
 */
export function placesFacingTeams(entities: Entities, texts: readonly string[]): Entities {
  if (entities.place.length === 0 || entities.organization.length === 0) return entities;
  const teams = entities.organization.flatMap((o) => formsOf(o));
  const moved: Entity[] = [];
  const place = entities.place.filter((p) => {
    let facing = 0;
    for (const form of formsOf(p)) {
      for (const t of texts) {
        for (const at of occurrences(form, t)) {
          // `Yunnan Lotus của Trung Quốc thắng …`: the side's country, a place
          if (t.slice(Math.max(0, at - 5), at) === ' của ' || !facesATeamAt(form, at, teams, t, []))
            return true;
          facing++;
        }
      }
    }
    if (facing === 0) return true;
    const { province: _, ...team } = p;
    moved.push(team);
    return false;
  });
  if (moved.length === 0) return entities;
  return { ...entities, place, organization: [...entities.organization, ...moved] };
}
