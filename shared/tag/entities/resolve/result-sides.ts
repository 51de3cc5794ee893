/**
 * The two sides of a match result are of one kind: a person the article writes facing one of its
 * organisations across a match verb, with a score in the sentence, is a team (`Kiến Tạo Bank vượt qua
 * Yunnan Lotus 3-0`: the rules' name shapes and the model read `Yunnan Lotus` as a person). Two persons
 * facing each other (`Jannik Sinner thắng Carlos Alcaraz 3-1`) stay persons.
 */
import type { Entities, Entity } from '../../../model/article';
import { wordList } from '../lexicon';
import { formsOf } from './aliases';
import { SCORE, sentenceAround } from './clubs';

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
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (WORD_CHAR.test(text[at - 1] ?? ' ') || WORD_CHAR.test(text[end] ?? ' ')) continue;
    if (!SCORE.test(sentenceAround(text, at, end))) continue;
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
