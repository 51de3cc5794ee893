/**
 * Run rules that read no name: capitalised words that are something else, skipped or ending the run.
 */
import { seenInLowerCase, type Token } from '../../tokens';
import type { RunRule } from '../rule';
import { endsWithDigit, isWord } from '../text';
import { AGE_GROUP, CODE, COMMON, COUNTRY_COMPOUNDS, NATIONALITY_CUE, NON_ENTITY_NAME } from '../words';

/** `Sáng nay Nguyễn Văn A …`: a common word opening a sentence is dropped; a lone one seen in lower case is no name. */
export const sentenceOpener: RunRule = {
  id: 'run/sentence-opener',
  apply(_scan, tokens, from, to, i) {
    const t = tokens[i] as Token;
    if (i !== from || !t.sentenceStart) return undefined;
    const common = COMMON.matchAt(tokens, i);
    if (common > 0 && common <= to - i) return i + common;
    return to - i === 1 && seenInLowerCase(t) ? to : undefined;
  },
};

/** `giải Premier League`, `năm Bính Ngọ`: a product, competition or lunar year is skipped. */
export const nonEntityName: RunRule = {
  id: 'run/non-entity-name',
  apply(_scan, tokens, _from, to, i) {
    const nonEntity = NON_ENTITY_NAME.matchAt(tokens, i);
    return nonEntity > 0 && nonEntity <= to - i ? i + nonEntity : undefined;
  },
};

/** `người Pháp`, `tiếng Anh`: a country after a nationality or language word is neither place nor name. */
export const nationality: RunRule = {
  id: 'run/nationality',
  apply(_scan, tokens, from, to, i) {
    return i === from && to - i === 1 && NATIONALITY_CUE.has(tokens[from - 1]?.key ?? '') ? to : undefined;
  },
};

/** `Pháp luật`, `Anh hùng`: a country's short name opening a common word is no place. */
export const countryCompound: RunRule = {
  id: 'run/country-compound',
  apply(_scan, tokens, _from, to, i) {
    const t = tokens[i] as Token;
    return to - i === 1 && isWord(tokens[to]) && COUNTRY_COMPOUNDS.has(`${t.key} ${tokens[to]?.key}`)
      ? to
      : undefined;
  },
};

/** `U70 Dương Lệ Bình`, `X20 Nokia`: a code or an age before a name is no part of it. */
export const codeBeforeName: RunRule = {
  id: 'run/code-before-name',
  apply(_scan, tokens, from, to, i) {
    const t = tokens[i] as Token;
    return i === from &&
      to - i > 1 &&
      !t.upper &&
      endsWithDigit(t) &&
      CODE.test(t.text) &&
      !AGE_GROUP.test(t.text)
      ? i + 1
      : undefined;
  },
};
