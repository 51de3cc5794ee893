/**
 * Run rules that read no name: capitalised words that are something else, skipped or ending the run.
 */
import { seenInLowerCase, type Token } from '../../tokens';
import type { RunRule } from '../rule';
import { endsWithDigit, isWord, keyOf } from '../text';
import {
  AGE_GROUP,
  CODE,
  COMMON,
  COUNTRY_COMPOUNDS,
  NATIONALITY_CUE,
  NON_ENTITY_NAME,
  WEATHER_WORDS,
} from '../words';

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

/** Index of the weather word that names the run starting at `from` (`bão Yagi`, `bão số 3 Yagi`), or -1. */
function weatherWordBefore(tokens: readonly Token[], from: number): number {
  let k = from - 1;
  // `bão số 3 Yagi`: the storm's number between the word and the name.
  if (tokens[k]?.kind === 'number' && tokens[k - 1]?.key === 'số') k -= 2;
  for (let start = k; start >= Math.max(0, k - 3); start--)
    if (start + WEATHER_WORDS.matchAt(tokens, start) === k + 1) return start;
  return -1;
}

/**
 * `bão Yagi`, `Siêu bão Haiyan`, `Bão Noru đổ bộ`: a storm's name is no person's, nor anything's: it is
 * dropped wherever else the article names it.
 */
export const weatherName: RunRule = {
  id: 'run/weather-name',
  apply(scan, tokens, from, to, i) {
    if (i !== from) return undefined;
    const opening = WEATHER_WORDS.matchAt(tokens, i);
    if (weatherWordBefore(tokens, from) < 0 && (opening === 0 || opening >= to - i)) return undefined;
    scan.notNames.add(keyOf(tokens, opening > 0 && opening < to - i ? i + opening : i, to));
    return to;
  },
};
