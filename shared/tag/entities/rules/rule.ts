/**
 * What the rules read (mentions), and the two kinds of rule unit the scan applies in the order of their
 * tables (./scan-text, ./classify-run): the first that applies at a position decides there. Each has a
 * unique id, stamped on the mentions it proposes (`Mention.rule`) and used by the eval to turn it off
 * (`ExtractOptions.rulesOff`).
 */
import type { Province } from '../../../model/article';
import type { Token } from '../tokens';

export type EntityType = 'person' | 'organization' | 'place';

export interface Mention {
  type: EntityType;
  /** Surface form as written. */
  text: string;
  /** Token keys joined by a space. */
  key: string;
  province?: Province;
  /** Person mentioned by one name only (`ông Minh`): merged into a full name when one fits. */
  short?: boolean;
  /** A cue word (`ông`, `Bộ trưởng`) introduced it, so it stands even without a full name. */
  cued?: boolean;
  /** Guessed from shape alone (`Chí Bảo`, `Đức`): yields to a person or place read elsewhere in the article. */
  weak?: boolean;
  /** Id of the rule that proposed it. */
  rule: string;
}

/** One article's scan: the mentions so far, and the rules it applies (those not turned off), in order. */
export interface Scan {
  mentions: Mention[];
  /** Set by a classifier that consumed tokens past its run. */
  skipTo?: number;
  /** Id of the rule being applied, stamped on the mentions it pushes. */
  rule: string;
  /** Keys of names read as no entity's (a storm's `Yagi`): dropped wherever else they are read. */
  notNames: Set<string>;
  cueRules: readonly ScanRule[];
  nameRules: readonly ScanRule[];
  runRules: readonly RunRule[];
}

/**
 * A rule at position i of a text's tokens (a cue, a head word, a known name): the position after what it
 * read, or undefined when it does not apply there.
 */
export interface ScanRule {
  readonly id: string;
  apply(scan: Scan, tokens: readonly Token[], i: number): number | undefined;
}

/**
 * A rule at position i of a plain capitalised run [from, to) that no cue introduced: the position to go
 * on from (`to` when the run is done), or undefined when it does not apply there.
 */
export interface RunRule {
  readonly id: string;
  apply(scan: Scan, tokens: readonly Token[], from: number, to: number, i: number): number | undefined;
}

/** The rules of a table that are not turned off (all of them, the same array, when none is). */
export function activeRules<R extends { readonly id: string }>(
  table: readonly R[],
  off: ReadonlySet<string>,
): readonly R[] {
  return off.size === 0 ? table : table.filter((r) => !off.has(r.id));
}
