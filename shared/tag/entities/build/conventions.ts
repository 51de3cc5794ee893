/**
 * Where the labelled data follows VLSP 2018 rather than what the labellers first wrote
 * (docs/annotation.md, "Where we follow VLSP"): organisation labels on surfaces that name a kind of body
 * rather than one body (`Chính phủ`, `Quốc hội`, `UBND` written alone), on a department every province
 * has written without its scope (`Sở Xây dựng`, the hard constraint `department-without-scope` read the
 * same way) and on platforms people use (`Facebook`, `TikTok`, products like `iPhone`) are taken off; so
 * are place labels on a country written as a nationality, right after `người` or `dân tộc` (`người
 * Brazil`, data/records/README.md's rule). Applied by `npm run build:entities` after
 * the sources are read, so the sources stay as labelled and every relabelling is counted. The surfaces are
 * data: data/entities/conventions.json.
 */
import { wordList } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { headKeys, lacksScope } from '../resolve/constraints';
import { namesANationality } from '../resolve/people-names';
import type { LabelledRecord } from './dataset';

export interface Conventions {
  /** Per reason, organisation surfaces (exact, NFC) that are not labelled. */
  unlabelledOrganizations: Readonly<Record<string, readonly string[]>>;
  /**
   * Per reason, the data/entity-rules list of heads (`scoped_heads`) whose organisations are not labelled
   * when they name no scope, in the name or right after it.
   */
  unlabelledWithoutScope?: Readonly<Record<string, string>>;
  /**
   * Per reason, lower-case words right before which a country or other world place of the gazetteer (not
   * a region of Vietnam, `các dân tộc Tây Bắc`) is not labelled a place (`người` of `người Brazil`: a nationality); a capital opening a sentence counts.
   */
  unlabelledWorldPlacesAfter?: Readonly<Record<string, readonly string[]>>;
}

/** The conventions file's value, checked. */
export function conventions(value: unknown): Conventions {
  const v = value as { unlabelledOrganizations?: unknown };
  const lists = v?.unlabelledOrganizations;
  if (typeof lists !== 'object' || lists === null || Array.isArray(lists))
    throw new Error('conventions: unlabelledOrganizations must be an object of lists');
  for (const [reason, list] of Object.entries(lists)) {
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string'))
      throw new Error(`conventions: unlabelledOrganizations.${reason} must be a list of strings`);
  }
  const scoped = (value as { unlabelledWithoutScope?: unknown }).unlabelledWithoutScope ?? {};
  if (
    typeof scoped !== 'object' ||
    scoped === null ||
    Array.isArray(scoped) ||
    !Object.values(scoped).every((s) => typeof s === 'string')
  )
    throw new Error('conventions: unlabelledWithoutScope must map reasons to word-list names');
  const after = (value as { unlabelledWorldPlacesAfter?: unknown }).unlabelledWorldPlacesAfter ?? {};
  if (
    typeof after !== 'object' ||
    after === null ||
    Array.isArray(after) ||
    !Object.values(after).every((l) => Array.isArray(l) && l.every((w) => typeof w === 'string'))
  )
    throw new Error('conventions: unlabelledWorldPlacesAfter must map reasons to lists of words');
  return {
    unlabelledOrganizations: lists as Record<string, string[]>,
    unlabelledWithoutScope: scoped as Record<string, string>,
    unlabelledWorldPlacesAfter: after as Record<string, string[]>,
  };
}

/** The records with the conventions applied, and how many labels each reason took off. */
export function applyConventions(
  records: readonly LabelledRecord[],
  c: Conventions,
): { records: LabelledRecord[]; relabelled: Record<string, number> } {
  const reasonOf = new Map<string, string>();
  for (const [reason, list] of Object.entries(c.unlabelledOrganizations))
    for (const s of list) reasonOf.set(s.normalize('NFC'), reason);
  const scoped = Object.entries(c.unlabelledWithoutScope ?? {}).map(
    ([reason, list]) => [reason, headKeys(wordList(list))] as const,
  );
  const placeCues = Object.entries(c.unlabelledWorldPlacesAfter ?? {});
  const relabelled: Record<string, number> = Object.fromEntries(
    [...Object.keys(c.unlabelledOrganizations), ...scoped.map(([r]) => r), ...placeCues.map(([r]) => r)].map(
      (r) => [r, 0],
    ),
  );
  const out = records.map((r) => {
    const spans = r.spans.filter((s) => {
      if (s.label === 'LOC') {
        const reason = placeCues.find(([, cues]) => worldPlaceAfter(r.text, s, cues))?.[0];
        if (reason === undefined) return true;
        relabelled[reason] = (relabelled[reason] ?? 0) + 1;
        return false;
      }
      if (s.label !== 'ORG') return true;
      const surface = r.text.slice(s.start, s.end);
      const after = r.text.slice(s.end, s.end + 8);
      const reason =
        reasonOf.get(surface) ??
        scoped.find(([, heads]) => lacksScope({ key: cachedNameKey(surface), after }, heads))?.[0];
      if (reason === undefined) return true;
      relabelled[reason] = (relabelled[reason] ?? 0) + 1;
      return false;
    });
    return spans.length === r.spans.length ? r : { ...r, spans };
  });
  return { records: out, relabelled };
}

/** True when span `s` of `text` names a nationality's country (people-names) right after one of `cues`. */
function worldPlaceAfter(text: string, s: { start: number; end: number }, cues: readonly string[]): boolean {
  if (!namesANationality(text.slice(s.start, s.end))) return false;
  const before = text.slice(Math.max(0, s.start - 16), s.start).toLowerCase();
  return cues.some((cue) => {
    if (!before.endsWith(`${cue} `)) return false;
    const at = before.length - cue.length - 2;
    return at < 0 || !/\p{L}/u.test(before[at] as string);
  });
}
