/**
 * What each entity rule adds (issue 16): the rule tagger on VLSP's dev half (even-numbered articles, the
 * half choices are made on) with all rules, then with one rule turned off at a time (`rulesOff`). A rule's
 * row is F1 with it minus F1 without it (nested/contract, document-level, as eval/entity-eval.ts), per type
 * and overall, and how many mentions it read with all rules on. Rules alone: the model is not retrained
 * without the rule, so its figure would not say what the rule is worth.
 */
import type { ParsedArticle } from '../shared/parse/types';
import { extractRuleEntities, RULE_IDS, ruleMentions } from '../shared/tag/entities/index';
import {
  asParsedArticle,
  ENTITY_TYPES,
  entitySets,
  loadVlsp,
  prf,
  type Score,
  scoreAll,
  type VlspArticle,
  vlspHalf,
} from './entity-eval';

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

export function runRuleAblation(): void {
  const articles = loadVlsp();
  const half = vlspHalf(articles, 'dev').map((i) => articles[i] as VlspArticle);
  const parsed: ParsedArticle[] = half.map(asParsedArticle);
  const score = (off: ReadonlySet<string>): Score =>
    scoreAll(
      half,
      parsed.map((a) => entitySets(extractRuleEntities(a, { language: 'vi', rulesOff: off }))),
    )['nested/contract'];
  const all = score(new Set());
  const reads = new Map<string, number>();
  for (const a of parsed)
    for (const m of ruleMentions(a, { language: 'vi' })) reads.set(m.rule, (reads.get(m.rule) ?? 0) + 1);

  const columns = [...ENTITY_TYPES, 'overall'] as const;
  const widths = [30, 8, 13, 13, 8, 8];
  const line = (cells: readonly string[]) => `${cells.map((c, i) => c.padEnd(widths[i] ?? 8)).join(' ')}\n`;
  process.stdout.write(
    `\nentity rules: what each adds on VLSP's dev half (${half.length} articles), rules alone, nested/contract F1 ` +
      'with the rule minus without it\n',
  );
  process.stdout.write(line(['rule', 'person', 'organization', 'place', 'overall', 'reads']));
  process.stdout.write(line(['(all rules: F1)', ...columns.map((t) => prf(all[t]).f1.toFixed(3)), '']));
  for (const id of RULE_IDS) {
    const without = score(new Set([id]));
    process.stdout.write(
      line([
        id,
        ...columns.map((t) => signed(prf(all[t]).f1 - prf(without[t]).f1)),
        String(reads.get(id) ?? 0),
      ]),
    );
  }
}
